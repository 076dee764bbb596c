import { InviteResult } from './invites.service';
import { OrganizationInviteResponse } from './responses/organization-invite.response';
import { SentInvitesResponse } from './responses/sent-invites.response';

/** Label Studio's sign-up page, which takes either kind of token; `base` is the request's URL. */
function inviteUrl(token: string, base: URL): string {
  const url = new URL('/user/signup/', base);
  url.searchParams.set('token', token);
  return url.toString();
}

export function serializeInviteLink(token: string, base: URL): OrganizationInviteResponse {
  return { invite_url: inviteUrl(token, base), token };
}

/** Each invitation's link is in the answer, for the inviter to pass on. */
export function serializeSentInvites(result: InviteResult, base: URL): SentInvitesResponse {
  return {
    invited: result.invited,
    already_members: result.already_members,
    invites: result.invites.map(({ email, token, expires_at }) => ({
      email,
      invite_url: inviteUrl(token, base),
      expires_at,
    })),
  };
}
