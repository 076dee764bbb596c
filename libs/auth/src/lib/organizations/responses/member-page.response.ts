import { PageResponse } from '@ls/core';
import { MemberListItemResponse } from './member-list-item.response';

export const MemberPageResponse = PageResponse(
  MemberListItemResponse,
  'PaginatedLseOrganizationMemberListList',
);
