import { randomBytes } from 'node:crypto';
import {
  ConflictException,
  ForbiddenException,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, IsNull, Repository } from 'typeorm';
import { TransactionRunner, ValidationFailedException } from '@ls/core';
import { AuthContext } from '../context/auth-context';
import { OrganizationScope } from '../context/organization-scope';
import { LegacyTokens } from '../credentials/legacy-tokens.service';
import { hashPassword } from '../credentials/password-hasher';
import { MemberRole, OrganizationMember } from '../entities/organization-member.entity';
import { User } from '../entities/user.entity';
import { assertOwnOrganization } from '../organizations/organizations.service';
import { SessionsService } from '../sessions/sessions.service';

export interface NewUser {
  email: string;
  password?: string;
  username?: string;
  first_name?: string;
  last_name?: string;
  phone?: string;
  avatar_url?: string;
  allow_newsletters?: boolean | null;
}

export type UserChanges = Partial<
  Pick<
    User,
    | 'username'
    | 'first_name'
    | 'last_name'
    | 'phone'
    | 'avatar_url'
    | 'allow_newsletters'
    | 'custom_hotkeys'
  >
>;

/** A member as lists show it: the user and the membership that puts them in the organization. */
export interface Member {
  user: User;
  membership: OrganizationMember;
}

@Injectable()
export class UsersService {
  private readonly memberScope: OrganizationScope<OrganizationMember>;

  constructor(
    private readonly transactions: TransactionRunner,
    private readonly legacyTokens: LegacyTokens,
    private readonly sessions: SessionsService,
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectRepository(OrganizationMember) private readonly members: Repository<OrganizationMember>,
  ) {
    this.memberScope = new OrganizationScope(members);
  }

  /**
   * A user, their legacy token (the returned key) and their membership of `organizationId`,
   * inside `manager`'s transaction. Without a password the account cannot log in until one is set.
   */
  async create(
    manager: EntityManager,
    input: NewUser,
    organizationId: number,
    role: MemberRole,
    legacyKey?: string,
  ): Promise<{ user: User; key: string }> {
    const email = input.email.trim().toLowerCase();
    if (await manager.existsBy(User, { email })) {
      throw new ValidationFailedException({
        email: ['user with this email address already exists.'],
      });
    }
    const user = await manager.save(
      manager.create(User, {
        email,
        username: input.username ?? email,
        password: await hashPassword(input.password ?? randomBytes(32).toString('hex')),
        first_name: input.first_name ?? '',
        last_name: input.last_name ?? '',
        phone: input.phone ?? '',
        avatar_url: input.avatar_url ?? '',
        allow_newsletters: input.allow_newsletters ?? null,
        custom_hotkeys: null,
        active_organization_id: organizationId,
        is_active: true,
        last_activity: null,
      }),
    );
    const key = await this.legacyTokens.replace(manager, user.id, legacyKey);
    await manager.insert(OrganizationMember, {
      user_id: user.id,
      organization_id: organizationId,
      role,
      deleted_at: null,
    });
    return { user, key };
  }

  /** A new user in the caller's organization; only its owner and administrators make one. */
  async createInOrganization(auth: AuthContext, input: NewUser): Promise<Member> {
    assertOwnOrganization(auth, auth.organizationId);
    const { user } = await this.transactions.run(({ manager }) =>
      this.create(manager, input, auth.organizationId, 'AN'),
    );
    return this.getMember(auth, user.id);
  }

  async listMembers(auth: AuthContext): Promise<Member[]> {
    const memberships = await this.memberScope.find(
      auth,
      { deleted_at: IsNull() },
      { relations: { user: true }, order: { user_id: 'ASC' } },
    );
    return memberships.map((membership) => ({ user: membership.user as User, membership }));
  }

  /** A user of the caller's organization; anyone else answers 404. */
  async getMember(auth: AuthContext, userId: number): Promise<Member> {
    const membership = await this.memberScope.findOne(
      auth,
      { user_id: userId, deleted_at: IsNull() },
      { relations: { user: true } },
    );
    if (!membership?.user) throw new NotFoundException('Not found.');
    return { user: membership.user, membership };
  }

  /**
   * A profile is its user's own: an account may belong to several organizations, and none of
   * their administrators may change what the others see. Administrators change memberships.
   */
  async update(auth: AuthContext, userId: number, changes: UserChanges): Promise<Member> {
    const { user } = await this.getMember(auth, userId);
    if (userId !== auth.user.id) {
      throw new ForbiddenException(
        'Only a user changes their own profile. Administrators change roles with PATCH /api/organizations/{id}/memberships.',
      );
    }
    await this.users.save(this.users.merge(user, changes));
    return this.getMember(auth, userId);
  }

  /**
   * Removes a user from the caller's organization (the account stays, for history, and keeps
   * its other organizations). Owners and administrators only; never the owner, never oneself.
   */
  async removeFromOrganization(auth: AuthContext, userId: number): Promise<void> {
    const { membership } = await this.getMember(auth, userId);
    assertOwnOrganization(auth, auth.organizationId);
    if (userId === auth.user.id) throw new ForbiddenException('You cannot remove yourself.');
    if (membership.role === 'OW') throw new ForbiddenException('The owner cannot be removed.');
    await this.members.update({ id: membership.id }, { deleted_at: new Date() });
    await this.sessions.revokeAllOf(userId);
  }

  /** Ends every browser session of the user but `keepSessionId` (the one that made the change). */
  async changePassword(userId: number, password: string, keepSessionId?: number): Promise<void> {
    await this.users.update({ id: userId }, { password: await hashPassword(password) });
    await this.sessions.revokeAllOf(userId, keepSessionId);
  }

  async switchActiveOrganization(auth: AuthContext, organizationId: number): Promise<void> {
    const isMember = await this.members.existsBy({
      user_id: auth.user.id,
      organization_id: organizationId,
      deleted_at: IsNull(),
    });
    if (!isMember) {
      throw new ValidationFailedException({
        active_organization: ['You are not a member of this organization.'],
      });
    }
    await this.users.update({ id: auth.user.id }, { active_organization_id: organizationId });
  }

  async legacyToken(userId: number): Promise<string> {
    const key = await this.legacyTokens.reveal(userId);
    if (key === null) {
      throw new ConflictException(
        'Your token can no longer be shown (the server secret changed since it was made); it still works. Reset it to get one that can.',
      );
    }
    return key;
  }

  /** A new legacy token; the old one stops working at once. */
  resetLegacyToken(userId: number): Promise<string> {
    return this.legacyTokens.reset(userId);
  }
}
