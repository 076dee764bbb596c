import {
  BadRequestException,
  ForbiddenException,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, IsNull, MoreThan, Repository } from 'typeorm';
import { TransactionRunner } from '@ls/core';
import { AuthContext } from '../context/auth-context';
import { OrganizationRef, OrganizationScope } from '../context/organization-scope';
import { newInviteToken, tokenHash } from '../credentials/random-tokens';
import { OrganizationInvite } from '../entities/organization-invite.entity';
import { MemberRole, OrganizationMember } from '../entities/organization-member.entity';
import { User } from '../entities/user.entity';

/** How long an invitation can be accepted. */
export const INVITE_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

export interface SentInvite {
  email: string;
  /** The secret the invitee accepts with; only in this answer, never stored. */
  token: string;
  expires_at: string;
}

export interface InviteResult {
  invited: string[];
  already_members: string[];
  invites: SentInvite[];
}

const normalized = (email: string) => email.trim().toLowerCase();

/** What an invitation still offers: neither accepted, revoked nor expired. */
export const pendingInvite = () => ({
  accepted_at: IsNull(),
  revoked_at: IsNull(),
  expires_at: MoreThan(new Date()),
});

/**
 * Invitations into the caller's organization, sent by its owner and administrators. An invitation
 * makes nobody a member: the person accepts it with its token (see InviteAcceptanceService). This
 * server sends no email: the answer carries each invitation's token for the inviter to pass on.
 */
@Injectable()
export class InvitesService {
  private readonly memberScope: OrganizationScope<OrganizationMember>;

  constructor(
    private readonly transactions: TransactionRunner,
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectRepository(OrganizationMember) private readonly members: Repository<OrganizationMember>,
    @InjectRepository(OrganizationInvite) private readonly invites: Repository<OrganizationInvite>,
  ) {
    this.memberScope = new OrganizationScope(members);
  }

  async invite(auth: AuthContext, emails: string[], role: MemberRole): Promise<InviteResult> {
    assertMayGrant(auth, role);
    const wanted = [...new Set(emails.map(normalized))];
    const members = await this.memberEmails(auth, wanted);
    const result: InviteResult = { invited: [], already_members: [], invites: [] };
    const expiresAt = new Date(Date.now() + INVITE_LIFETIME_MS);
    await this.transactions.run(async ({ manager }) => {
      for (const email of wanted) {
        if (members.has(email)) {
          result.already_members.push(email);
          continue;
        }
        // A new invitation replaces the ones sent before: only the latest link works.
        await manager.update(
          OrganizationInvite,
          { organization_id: auth.organizationId, email, ...pendingInvite() },
          { revoked_at: new Date() },
        );
        const token = newInviteToken();
        await manager.insert(OrganizationInvite, {
          organization_id: auth.organizationId,
          email,
          role,
          token_hash: tokenHash(token),
          invited_by_id: auth.user.id,
          expires_at: expiresAt,
          accepted_at: null,
          revoked_at: null,
        });
        result.invited.push(email);
        result.invites.push({ email, token, expires_at: expiresAt.toISOString() });
      }
    });
    return result;
  }

  /**
   * Takes back the pending invitations of an email address. Members are removed through the
   * memberships routes, never here: the owner and the caller cannot be revoked at all.
   */
  async revoke(auth: AuthContext, email: string): Promise<void> {
    const address = normalized(email);
    const user = await this.users.findOneBy({ email: address });
    const membership = user
      ? await this.memberScope.findOne(auth, { user_id: user.id, deleted_at: IsNull() })
      : null;
    if (user?.id === auth.user.id) throw new ForbiddenException('You cannot revoke yourself.');
    if (membership?.role === 'OW') throw new ForbiddenException('The owner cannot be revoked.');
    const revoked = await this.invites.update(
      { organization_id: auth.organizationId, email: address, ...pendingInvite() },
      { revoked_at: new Date() },
    );
    if (revoked.affected) return;
    if (membership) {
      throw new BadRequestException(
        'This person already accepted and is a member: remove them with DELETE /api/organizations/{id}/memberships/{user_pk}/.',
      );
    }
    throw new NotFoundException('No pending invitation for this email.');
  }

  /** Which of `emails` belong to members of the organization (deactivated ones included). */
  private async memberEmails(
    organization: OrganizationRef,
    emails: string[],
  ): Promise<Set<string>> {
    if (emails.length === 0) return new Set();
    const rows = await this.memberScope.find(
      organization,
      { deleted_at: IsNull(), user: { email: In(emails) } },
      { relations: { user: true } },
    );
    return new Set(rows.map((row) => (row.user as User).email));
  }
}

/** Highest first: an inviter gives no role above their own (a manager invites no administrator). */
const ROLE_RANK: MemberRole[] = ['OW', 'AD', 'MA', 'RE', 'AN', 'NO', 'DI'];

function assertMayGrant(auth: AuthContext, role: MemberRole): void {
  if (ROLE_RANK.indexOf(role) < ROLE_RANK.indexOf(auth.role)) {
    throw new ForbiddenException('You cannot invite people with a role above your own.');
  }
}
