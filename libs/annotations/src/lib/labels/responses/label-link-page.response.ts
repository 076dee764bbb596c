import { PageResponse } from '@ls/core';
import { LabelLinkResponse } from './label-link.response';

export const LabelLinkPageResponse = PageResponse(LabelLinkResponse, 'PaginatedLabelLinkList');
