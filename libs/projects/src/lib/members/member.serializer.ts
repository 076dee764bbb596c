import { LseUserResponse, serializeUserDetail } from '@ls/auth';
import { MemberRow } from './project-members.service';
import { PaginatedProjectMemberResponse } from './responses/project-member.response';

/**
 * `pause` is typed as a string by the contract: the active pause's id (what the pause routes take
 * as `{id}`), `""` when the user is not paused.
 */
const pauseOf = (row: MemberRow) => (row.pauseId === null ? '' : String(row.pauseId));

/** A member as the deprecated member list shows it (`LseUser`). */
export function serializeMemberUser(row: MemberRow): LseUserResponse {
  return { ...serializeUserDetail(row.user, row.membership), pause: pauseOf(row) };
}

/** `PaginatedProjectMember`: the user, `implicit_member`, `project_role` ("" when none) and pause. */
export function serializeProjectMember(row: MemberRow): PaginatedProjectMemberResponse {
  return {
    ...serializeMemberUser(row),
    implicit_member: !row.explicit,
    project_role: row.projectRole ?? '',
    tags: row.tags,
  };
}
