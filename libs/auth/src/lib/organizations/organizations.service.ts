import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, IsNull, Repository } from 'typeorm';
import { AuthContext } from '../context/auth-context';
import { newInviteToken } from '../credentials/random-tokens';
import { JwtSettings } from '../entities/jwt-settings.entity';
import { OrganizationMember } from '../entities/organization-member.entity';
import { Organization } from '../entities/organization.entity';
import { SessionPolicy } from '../entities/session-policy.entity';

@Injectable()
export class OrganizationsService {
  constructor(
    @InjectRepository(Organization) private readonly organizations: Repository<Organization>,
    @InjectRepository(OrganizationMember) private readonly members: Repository<OrganizationMember>,
  ) {}

  /** A new organization with its default JWT settings and session policy, inside `manager`'s transaction. */
  async create(
    manager: EntityManager,
    title: string,
    createdById: number | null,
  ): Promise<Organization> {
    const organization = await manager.save(
      manager.create(Organization, { title, token: newInviteToken(), created_by_id: createdById }),
    );
    await manager.insert(JwtSettings, { organization_id: organization.id });
    await manager.insert(SessionPolicy, { organization_id: organization.id });
    return organization;
  }

  /** The organizations the caller is an active member of. */
  async listForUser(userId: number): Promise<Organization[]> {
    return this.organizations
      .createQueryBuilder('organization')
      .innerJoin(
        OrganizationMember,
        'member',
        'member.organization_id = organization.id AND member.user_id = :userId AND member.deleted_at IS NULL',
        { userId },
      )
      .orderBy('organization.id', 'ASC')
      .getMany();
  }

  /** An organization the caller belongs to; any other answers 404. */
  async getForMember(auth: AuthContext, id: number): Promise<Organization> {
    const membership = await this.members.findOneBy({
      user_id: auth.user.id,
      organization_id: id,
      deleted_at: IsNull(),
    });
    const organization = membership ? await this.organizations.findOneBy({ id }) : null;
    if (!organization) throw new NotFoundException('Not found.');
    return organization;
  }

  /** The caller's active organization, for changes (the route's permission says who may). */
  async getForChange(auth: AuthContext, id = auth.organizationId): Promise<Organization> {
    const organization = await this.getForMember(auth, id);
    assertOwnOrganization(auth, id);
    return organization;
  }

  async update(
    auth: AuthContext,
    id: number,
    changes: Partial<Pick<Organization, 'title' | 'contact_info'>>,
  ): Promise<Organization> {
    const organization = await this.getForChange(auth, id);
    return this.organizations.save({ ...organization, ...changes });
  }

  async resetInviteToken(auth: AuthContext): Promise<Organization> {
    const organization = await this.getForChange(auth);
    organization.token = newInviteToken();
    return this.organizations.save(organization);
  }
}

/**
 * Routes under `/api/organizations/{id}` act on the caller's active organization only; the route's
 * permission says which roles may call it.
 */
export function assertOwnOrganization(auth: AuthContext, organizationId: number): void {
  if (organizationId !== auth.organizationId) {
    throw new ForbiddenException('You do not have permission to perform this action.');
  }
}
