import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { TransactionRunner, ValidationFailedException } from '@ls/core';
import { AccountContext } from '../context/auth-context';
import { tokenHash } from '../credentials/random-tokens';
import { OrganizationInvite } from '../entities/organization-invite.entity';
import { MemberRole, OrganizationMember } from '../entities/organization-member.entity';
import { Organization } from '../entities/organization.entity';
import { User } from '../entities/user.entity';
import { NewUser, UsersService } from '../users/users.service';
import { pendingInvite } from './invites.service';
import { OrganizationSettingsService } from './organization-settings.service';

/** What a token opens: one person's invitation, or the organization's shared invite link. */
interface Invitation {
  organization: Organization;
  role: MemberRole;
  /** Set for one person's invitation: only this email may use it. */
  invite?: OrganizationInvite;
}

export interface Joined {
  organization: Organization;
  role: MemberRole;
}

const UNKNOWN_TOKEN = 'This invitation does not exist, has expired or was revoked.';

/**
 * The invitee's side of an invitation: an existing account joins by accepting it while signed in;
 * a new person signs up with it. Either way only the token's holder acts, for themselves.
 */
@Injectable()
export class InviteAcceptanceService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly users: UsersService,
    @InjectRepository(OrganizationInvite) private readonly invites: Repository<OrganizationInvite>,
    @InjectRepository(Organization) private readonly organizations: Repository<Organization>,
    private readonly settings: OrganizationSettingsService,
  ) {}

  /** The signed-in caller joins the organization and works in it from now on. */
  async accept(account: AccountContext, token: string): Promise<Joined> {
    const invitation = await this.resolve(token);
    const { user } = account;
    if (invitation.invite && invitation.invite.email !== user.email) {
      throw new ForbiddenException('This invitation is for another email address.');
    }
    return this.transactions.run(async ({ manager }) => {
      await this.consume(manager, invitation);
      const role = await this.join(manager, user.id, invitation);
      await manager.update(
        User,
        { id: user.id },
        { active_organization_id: invitation.organization.id },
      );
      return { organization: invitation.organization, role };
    });
  }

  /** A new account that joins the organization; the answer carries its legacy API key. */
  async signUp(
    token: string,
    input: Omit<NewUser, 'email'> & { email?: string; password: string },
  ): Promise<{ user: User; role: MemberRole; key: string; organization: Organization }> {
    const invitation = await this.resolve(token);
    const email = (input.email ?? invitation.invite?.email ?? '').trim().toLowerCase();
    if (!email) throw new ValidationFailedException({ email: ['This field is required.'] });
    if (invitation.invite && invitation.invite.email !== email) {
      throw new ValidationFailedException({
        email: ['This invitation is for another email address.'],
      });
    }
    return this.transactions.run(async ({ manager }) => {
      if (await manager.existsBy(User, { email })) {
        throw new ValidationFailedException({
          email: ['An account with this email exists: sign in and accept the invitation.'],
        });
      }
      await this.consume(manager, invitation);
      const { organization, role } = invitation;
      const { user, key } = await this.users.create(
        manager,
        { ...input, email },
        organization.id,
        role,
      );
      return { user, role, key, organization };
    });
  }

  private async resolve(token: string): Promise<Invitation> {
    const invite = await this.invites.findOne({
      where: { token_hash: tokenHash(token), ...pendingInvite() },
      relations: { organization: true },
    });
    if (invite?.organization) {
      return { organization: invite.organization, role: invite.role, invite };
    }
    const organization = await this.organizations.findOneBy({ token });
    // The shared link gives the organization's default role (`set-default-role`).
    if (organization) return { organization, role: await this.settings.joinRole(organization.id) };
    throw new NotFoundException(UNKNOWN_TOKEN);
  }

  /** One person's invitation is used once: the first to accept it wins. */
  private async consume(manager: EntityManager, invitation: Invitation): Promise<void> {
    if (!invitation.invite) return;
    const used = await manager.update(
      OrganizationInvite,
      { id: invitation.invite.id, ...pendingInvite() },
      { accepted_at: new Date() },
    );
    if (!used.affected) throw new NotFoundException(UNKNOWN_TOKEN);
  }

  /**
   * The membership the invitation gives. A member who was removed comes back with a personal
   * invitation only: the shared link does not undo an administrator's decision.
   */
  private async join(
    manager: EntityManager,
    userId: number,
    invitation: Invitation,
  ): Promise<MemberRole> {
    const organizationId = invitation.organization.id;
    const existing = await manager.findOneBy(OrganizationMember, {
      user_id: userId,
      organization_id: organizationId,
    });
    if (!existing) {
      await manager.insert(OrganizationMember, {
        user_id: userId,
        organization_id: organizationId,
        role: invitation.role,
        deleted_at: null,
      });
      return invitation.role;
    }
    const active = existing.deleted_at === null && existing.role !== 'DI';
    if (active) return existing.role;
    if (!invitation.invite) {
      throw new ForbiddenException(
        'You were removed from this organization: ask an administrator for a new invitation.',
      );
    }
    await manager.update(
      OrganizationMember,
      { id: existing.id },
      { deleted_at: null, role: invitation.role },
    );
    return invitation.role;
  }
}
