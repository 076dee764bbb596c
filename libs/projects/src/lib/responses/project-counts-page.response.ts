import { PageResponse } from '@ls/core';
import { ProjectCountsResponse } from './project-counts.response';

export const ProjectCountsPageResponse = PageResponse(
  ProjectCountsResponse,
  'PaginatedLseProjectCountsList',
);
