import { PageResponse } from '@ls/core';
import { AllRolesProjectListResponse } from './all-roles-project-list.response';

export const ProjectPageResponse = PageResponse(
  AllRolesProjectListResponse,
  'PaginatedAllRolesProjectListList',
);
