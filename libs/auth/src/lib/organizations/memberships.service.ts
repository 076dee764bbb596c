import { ForbiddenException, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import { PageWindow } from '@ls/core';
import { AuthContext } from '../context/auth-context';
import { OrganizationScope } from '../context/organization-scope';
import { OrganizationMemberTagAssignment } from '../entities/organization-member-tag-assignment.entity';
import { MemberRole, OrganizationMember } from '../entities/organization-member.entity';
import { idsOfList } from '../member-tags/dto/comma-lists';
import { memberTagsOfUsers, SimpleMemberTag } from '../member-tags/member-tags-of-users';
import { SessionsService } from '../sessions/sessions.service';
import { OrganizationsService, assertOwnOrganization } from './organizations.service';

export interface MemberFilter {
  role?: MemberRole;
  search?: string;
  ordering?: string;
  /** Member tag ids, comma-separated: members with any of them. */
  tags?: string;
}

const ORDERINGS: Record<string, [string, 'ASC' | 'DESC']> = {
  id: ['member.id', 'ASC'],
  '-id': ['member.id', 'DESC'],
  created_at: ['member.created_at', 'ASC'],
  '-created_at': ['member.created_at', 'DESC'],
  email: ['user.email', 'ASC'],
  '-email': ['user.email', 'DESC'],
  username: ['user.username', 'ASC'],
  '-username': ['user.username', 'DESC'],
};

@Injectable()
export class MembershipsService {
  private readonly scope: OrganizationScope<OrganizationMember>;

  constructor(
    private readonly organizations: OrganizationsService,
    private readonly sessions: SessionsService,
    @InjectRepository(OrganizationMember) private readonly members: Repository<OrganizationMember>,
  ) {
    this.scope = new OrganizationScope(members);
  }

  async list(
    auth: AuthContext,
    organizationId: number,
    filter: MemberFilter,
    window: PageWindow,
  ): Promise<{ rows: OrganizationMember[]; count: number; tags: Map<number, SimpleMemberTag[]> }> {
    await this.organizations.getForMember(auth, organizationId);
    const query = this.scope
      .query({ organizationId }, 'member')
      .innerJoinAndSelect('member.user', 'user')
      .andWhere('member.deleted_at IS NULL');
    if (filter.role) query.andWhere('member.role = :role', { role: filter.role });
    if (filter.search) {
      query.andWhere(
        '(LOWER(user.email) LIKE :search OR LOWER(user.username) LIKE :search OR LOWER(user.first_name) LIKE :search OR LOWER(user.last_name) LIKE :search)',
        { search: `%${filter.search.toLowerCase()}%` },
      );
    }
    if (filter.tags) {
      const tagged = this.members.manager
        .getRepository(OrganizationMemberTagAssignment)
        .createQueryBuilder('member_tag')
        .select('1')
        .where('member_tag.organization_id = member.organization_id')
        .andWhere('member_tag.user_id = member.user_id')
        .andWhere('member_tag.tag_id IN (:...memberTags)');
      query.andWhere(`EXISTS (${tagged.getQuery()})`, { memberTags: idsOfList(filter.tags) });
    }
    const [column, direction] = ORDERINGS[filter.ordering ?? 'id'] ?? ORDERINGS.id;
    const [rows, count] = await query
      .orderBy(column, direction)
      .addOrderBy('member.id', 'ASC')
      .skip(window.offset)
      .take(window.size)
      .getManyAndCount();
    const tags = await this.tagsOf(
      organizationId,
      rows.map((row) => row.user_id),
    );
    return { rows, count, tags };
  }

  /** The organization's member tags on each of `userIds`. */
  tagsOf(organizationId: number, userIds: number[]): Promise<Map<number, SimpleMemberTag[]>> {
    return memberTagsOfUsers(this.members.manager, organizationId, userIds);
  }

  async get(
    auth: AuthContext,
    organizationId: number,
    userId: number,
  ): Promise<OrganizationMember> {
    await this.organizations.getForMember(auth, organizationId);
    return this.scope.findOneOr404(
      { organizationId },
      { user_id: userId, deleted_at: IsNull() },
      { relations: { user: true } },
    );
  }

  async changeRole(
    auth: AuthContext,
    organizationId: number,
    userId: number,
    role: MemberRole,
  ): Promise<OrganizationMember> {
    const membership = await this.get(auth, organizationId, userId);
    assertOwnOrganization(auth, organizationId);
    if (membership.role === 'OW' || role === 'OW') {
      throw new ForbiddenException('The owner role cannot be given or taken here.');
    }
    await this.members.update({ id: membership.id }, { role });
    // A deactivated member's browser sessions end (in every organization: they sign in again).
    if (role === 'DI') await this.sessions.revokeAllOf(userId);
    return this.get(auth, organizationId, userId);
  }

  async remove(auth: AuthContext, organizationId: number, userId: number): Promise<void> {
    const membership = await this.get(auth, organizationId, userId);
    assertOwnOrganization(auth, organizationId);
    if (userId === auth.user.id) throw new ForbiddenException('You cannot remove yourself.');
    if (membership.role === 'OW') throw new ForbiddenException('The owner cannot be removed.');
    await this.members.update({ id: membership.id }, { deleted_at: new Date() });
    await this.sessions.revokeAllOf(userId);
  }
}
