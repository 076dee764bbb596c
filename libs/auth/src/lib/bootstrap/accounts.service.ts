import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { TransactionRunner, ValidationFailedException } from '@ls/core';
import { LegacyTokens } from '../credentials/legacy-tokens.service';
import { LEGACY_KEY_PATTERN, newLegacyKey } from '../credentials/random-tokens';
import { MemberRole } from '../entities/organization-member.entity';
import { Organization } from '../entities/organization.entity';
import { User } from '../entities/user.entity';
import { OrganizationsService } from '../organizations/organizations.service';
import { UsersService } from '../users/users.service';

export interface AccountRequest {
  email: string;
  password: string;
  /** Legacy API token to give the user instead of a random one. */
  token?: string;
  /** Join this organization... */
  organizationId?: number;
  /** ...or create one with this title and own it. */
  organizationTitle?: string;
  role?: MemberRole;
}

export interface Account {
  user: User;
  organization: Organization;
  token: string;
}

function checkedToken(token: string | undefined): string | undefined {
  if (token !== undefined && !LEGACY_KEY_PATTERN.test(token)) {
    throw new ValidationFailedException({
      token: ['A token is 20 to 40 letters, digits, "-" or "_".'],
    });
  }
  return token;
}

/** Accounts made outside the HTTP API: the bootstrap user and the command line. */
@Injectable()
export class AccountsService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly users: UsersService,
    private readonly organizations: OrganizationsService,
    private readonly legacyTokens: LegacyTokens,
    @InjectRepository(User) private readonly userRows: Repository<User>,
  ) {}

  /** A user with a new organization (as its owner) or in an existing one. */
  async create(request: AccountRequest): Promise<Account> {
    const token = checkedToken(request.token) ?? newLegacyKey();
    return this.transactions.run(async ({ manager }) => {
      const organization =
        request.organizationId !== undefined
          ? await manager.findOneBy(Organization, { id: request.organizationId })
          : await this.organizations.create(
              manager,
              request.organizationTitle ?? 'Label Studio',
              null,
            );
      if (!organization) {
        throw new ValidationFailedException({ organization: ['No organization with this id.'] });
      }
      const role = request.role ?? (request.organizationId === undefined ? 'OW' : 'AN');
      const { user } = await this.users.create(manager, request, organization.id, role, token);
      if (organization.created_by_id === null) {
        await manager.update(Organization, { id: organization.id }, { created_by_id: user.id });
      }
      return { user, organization, token };
    });
  }

  /** Creates the user unless it exists; an explicit token is (re)applied either way. */
  async ensureUser(request: AccountRequest): Promise<'created' | 'exists'> {
    const token = checkedToken(request.token);
    const existing = await this.userRows.findOneBy({ email: request.email.trim().toLowerCase() });
    if (!existing) {
      try {
        await this.create(request);
        return 'created';
      } catch (error) {
        // Another replica created it first.
        if (!(await this.userRows.existsBy({ email: request.email.trim().toLowerCase() })))
          throw error;
        return 'exists';
      }
    }
    if (token) {
      await this.transactions.run(({ manager }) =>
        this.legacyTokens.replace(manager, existing.id, token),
      );
    }
    return 'exists';
  }
}
