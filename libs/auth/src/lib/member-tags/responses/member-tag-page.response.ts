import { PageResponse } from '@ls/core';
import { MemberTagResponse } from './member-tag.response';

export const MemberTagPageResponse = PageResponse(
  MemberTagResponse,
  'PaginatedOrganizationMemberTagList',
);
