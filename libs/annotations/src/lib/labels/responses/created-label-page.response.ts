import { PageResponse } from '@ls/core';
import { CreatedLabelResponse } from './created-label.response';

/** The labels made by one request, answered as a single page. */
export const CreatedLabelPageResponse = PageResponse(
  CreatedLabelResponse,
  'PaginatedLabelCreateList',
);
