import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Not, Repository } from 'typeorm';
import { TransactionRunner, ValidationFailedException } from '@ls/core';
import { AuthContext } from '../context/auth-context';
import { OrganizationScope } from '../context/organization-scope';
import { OrganizationMemberTagAssignment } from '../entities/organization-member-tag-assignment.entity';
import { OrganizationMemberTag } from '../entities/organization-member-tag.entity';
import { MemberTagAssignmentDto } from './dto/member-tag-assignment.dto';
import { MemberSelectionQuery } from './dto/member-selection.query';
import { ProjectAccessRegistry } from '../permissions/project-access';
import { selectedMembers } from './member-selection';
import { assertActiveOrganization } from './organization-in-path';

@Injectable()
export class MemberTagAssignmentsService {
  private readonly scope: OrganizationScope<OrganizationMemberTag>;

  constructor(
    private readonly transactions: TransactionRunner,
    private readonly access: ProjectAccessRegistry,
    @InjectRepository(OrganizationMemberTag) tags: Repository<OrganizationMemberTag>,
  ) {
    this.scope = new OrganizationScope(tags);
  }

  /**
   * Puts `tags` on every selected member (with `overwrite`, also takes every other tag off
   * them) in one transaction; returns how many assignments it created.
   */
  async assign(
    auth: AuthContext,
    organizationId: number,
    body: MemberTagAssignmentDto,
    filters: MemberSelectionQuery,
  ): Promise<number> {
    assertActiveOrganization(auth, organizationId);
    const tagIds = [...new Set(body.tags ?? [])];
    await this.assertOwnTags(auth, tagIds);
    const selection = {
      all: body.all,
      included: body.included ?? [],
      excluded: body.excluded ?? [],
      filters,
    };
    if (!selection.all && selection.included.length === 0) return 0;
    return this.transactions.run(async ({ manager }) => {
      const members = await selectedMembers(manager, auth.organizationId, selection, this.access);
      if (body.overwrite) {
        const removal = manager
          .createQueryBuilder()
          .delete()
          .from(OrganizationMemberTagAssignment)
          .where('organization_id = :assignOrganization', {
            assignOrganization: auth.organizationId,
          })
          .andWhere(`user_id IN (${members.clone().select('member.user_id').getQuery()})`)
          .setParameters(members.getParameters());
        if (tagIds.length > 0) removal.andWhere({ tag_id: Not(In(tagIds)) });
        await removal.execute();
      }
      if (tagIds.length === 0) return 0;
      const [select, parameters] = members
        .clone()
        .innerJoin(
          OrganizationMemberTag,
          'assigned_tag',
          'assigned_tag.organization_id = member.organization_id AND assigned_tag.id IN (:...assignTags)',
          { assignTags: tagIds },
        )
        .select('assigned_tag.id', 'tag_id')
        .addSelect('member.user_id', 'user_id')
        .addSelect('member.organization_id', 'organization_id')
        .getQueryAndParameters();
      // Columns picked by name (the builder orders its SELECT list its own way); SQLite needs a
      // WHERE before ON CONFLICT to tell it from a join's ON.
      const inserted: unknown[] = await manager.query(
        `INSERT INTO "organization_member_tag_assignment" ("tag_id", "user_id", "organization_id") ` +
          `SELECT pairs.tag_id, pairs.user_id, pairs.organization_id FROM (${select}) pairs ` +
          `WHERE 1 = 1 ON CONFLICT ("tag_id", "user_id") DO NOTHING RETURNING "id"`,
        parameters,
      );
      return inserted.length;
    });
  }

  private async assertOwnTags(auth: AuthContext, tagIds: number[]): Promise<void> {
    if (tagIds.length === 0) return;
    const found = await this.scope.find(auth, { id: In(tagIds) }, { select: { id: true } });
    const known = new Set(found.map((tag) => tag.id));
    const unknown = tagIds.filter((id) => !known.has(id));
    if (unknown.length > 0) {
      throw new ValidationFailedException({
        tags: unknown.slice(0, 20).map((id) => `Invalid pk "${id}" - object does not exist.`),
      });
    }
  }
}
