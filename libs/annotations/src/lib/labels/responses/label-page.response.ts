import { PageResponse } from '@ls/core';
import { LabelResponse } from './label.response';

export const LabelPageResponse = PageResponse(LabelResponse, 'PaginatedLabelList');
