import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository, SelectQueryBuilder } from 'typeorm';
import { chunksOf, PageWindow, TransactionRunner, ValidationFailedException } from '@ls/core';
import { AuthContext } from '../context/auth-context';
import { OrganizationScope } from '../context/organization-scope';
import { OrganizationMemberTagAssignment } from '../entities/organization-member-tag-assignment.entity';
import { OrganizationMemberTag } from '../entities/organization-member-tag.entity';
import { OrganizationMember } from '../entities/organization-member.entity';
import { insertMissingTags, isUniqueViolation } from './member-tag-rows';
import { assertActiveOrganization } from './organization-in-path';

export interface MemberTagFilter {
  search?: string;
  ordering?: string;
}

/** A tag with the number of current members who carry it. */
export interface CountedMemberTag {
  tag: OrganizationMemberTag;
  memberCount: number;
}

const ORDERINGS: Record<string, string> = {
  id: 'tag.id',
  label: 'tag.label',
  created_at: 'tag.created_at',
  updated_at: 'tag.updated_at',
  member_count: 'member_count',
};

const DUPLICATE_LABEL = 'A tag with this label already exists';

/** `%` and `_` typed in a search are themselves, not wildcards. */
const likePattern = (text: string) => `%${text.toLowerCase().replace(/[\\%_]/g, '\\$&')}%`;

@Injectable()
export class MemberTagsService {
  private readonly scope: OrganizationScope<OrganizationMemberTag>;

  constructor(
    private readonly transactions: TransactionRunner,
    @InjectRepository(OrganizationMemberTag)
    private readonly tags: Repository<OrganizationMemberTag>,
  ) {
    this.scope = new OrganizationScope(tags);
  }

  async list(
    auth: AuthContext,
    organizationId: number,
    filter: MemberTagFilter,
    window: PageWindow,
  ): Promise<{ rows: CountedMemberTag[]; count: number }> {
    assertActiveOrganization(auth, organizationId);
    const query = this.scope.query(auth, 'tag');
    if (filter.search) {
      query.andWhere("LOWER(tag.label) LIKE :search ESCAPE '\\'", {
        search: likePattern(filter.search),
      });
    }
    const count = await query.getCount();
    const descending = filter.ordering?.startsWith('-') ?? false;
    const column = ORDERINGS[filter.ordering?.replace(/^-/, '') ?? 'id'] ?? ORDERINGS.id;
    const page = await this.withMemberCount(query)
      .leftJoinAndSelect('tag.created_by', 'created_by')
      .orderBy(column, descending ? 'DESC' : 'ASC')
      .addOrderBy('tag.id', 'ASC')
      .offset(window.offset)
      .limit(window.size)
      .getRawAndEntities<{ member_count: string | number }>();
    const rows = page.entities.map((tag, index) => ({
      tag,
      memberCount: Number(page.raw[index].member_count),
    }));
    return { rows, count };
  }

  async get(auth: AuthContext, organizationId: number, tagId: number): Promise<CountedMemberTag> {
    assertActiveOrganization(auth, organizationId);
    const query = this.scope
      .query(auth, 'tag')
      .andWhere('tag.id = :tagId', { tagId })
      .leftJoinAndSelect('tag.created_by', 'created_by');
    const found = await this.withMemberCount(query).getRawAndEntities<{
      member_count: string | number;
    }>();
    if (found.entities.length === 0) throw new NotFoundException('Not found.');
    return { tag: found.entities[0], memberCount: Number(found.raw[0].member_count) };
  }

  async create(
    auth: AuthContext,
    organizationId: number,
    label: string,
  ): Promise<CountedMemberTag> {
    assertActiveOrganization(auth, organizationId);
    const [id] = await insertMissingTags(this.tags.manager, auth.organizationId, auth.user.id, [
      label,
    ]);
    if (id === undefined) throw duplicateLabel();
    return this.get(auth, organizationId, id);
  }

  async update(
    auth: AuthContext,
    organizationId: number,
    tagId: number,
    label: string | undefined,
  ): Promise<CountedMemberTag> {
    const current = await this.get(auth, organizationId, tagId);
    if (label !== undefined && label !== current.tag.label) {
      try {
        await this.tags.update({ id: tagId, organization_id: auth.organizationId }, { label });
      } catch (error) {
        if (isUniqueViolation(error)) throw duplicateLabel();
        throw error;
      }
    }
    return this.get(auth, organizationId, tagId);
  }

  async remove(auth: AuthContext, organizationId: number, tagId: number): Promise<void> {
    assertActiveOrganization(auth, organizationId);
    const tag = await this.scope.findOneOr404(auth, { id: tagId });
    await this.deleteTags(auth.organizationId, [tag.id]);
  }

  /** Creates the labels the organization lacks; returns how many it created. */
  async bulkCreate(auth: AuthContext, organizationId: number, labels: string[]): Promise<number> {
    assertActiveOrganization(auth, organizationId);
    return this.transactions.run(async ({ manager }) => {
      const created = await insertMissingTags(manager, auth.organizationId, auth.user.id, labels);
      return created.length;
    });
  }

  /** Deletes the organization's tags with these labels and their assignments. */
  async bulkDelete(auth: AuthContext, organizationId: number, labels: string[]): Promise<number> {
    assertActiveOrganization(auth, organizationId);
    const ids: number[] = [];
    for (const chunk of chunksOf([...new Set(labels)])) {
      const found = await this.scope.find(auth, { label: In(chunk) }, { select: { id: true } });
      ids.push(...found.map((tag) => tag.id));
    }
    return this.deleteTags(auth.organizationId, ids);
  }

  private async deleteTags(organizationId: number, ids: number[]): Promise<number> {
    if (ids.length === 0) return 0;
    return this.transactions.run(async ({ manager }) => {
      let deleted = 0;
      for (const chunk of chunksOf(ids)) {
        await manager.delete(OrganizationMemberTagAssignment, {
          organization_id: organizationId,
          tag_id: In(chunk),
        });
        const result = await manager.delete(OrganizationMemberTag, {
          organization_id: organizationId,
          id: In(chunk),
        });
        deleted += result.affected ?? chunk.length;
      }
      return deleted;
    });
  }

  /** Adds `member_count`: the tag's assignments to current (not removed) members. */
  private withMemberCount(
    query: SelectQueryBuilder<OrganizationMemberTag>,
  ): SelectQueryBuilder<OrganizationMemberTag> {
    return query.addSelect(
      (counted) =>
        counted
          .select('COUNT(*)')
          .from(OrganizationMemberTagAssignment, 'counted')
          .innerJoin(
            OrganizationMember,
            'counted_member',
            'counted_member.user_id = counted.user_id AND counted_member.organization_id = counted.organization_id AND counted_member.deleted_at IS NULL',
          )
          .where('counted.tag_id = tag.id'),
      'member_count',
    );
  }
}

function duplicateLabel(): ValidationFailedException {
  return new ValidationFailedException({ label: [DUPLICATE_LABEL] });
}
