import { Repository } from 'typeorm';
import { OrganizationRef, OrganizationScope } from '@ls/auth';
import { dialectOfDataSource, idAmong } from '@ls/core';
import { countOf } from '../ports/project-stats';
import { Project } from '../project.entity';

/**
 * How many members each project has (explicit, through its workspace, owners and
 * administrators; a project in a personal workspace has its owner only), in one query.
 */
export async function memberCounts(
  projects: Repository<Project>,
  organization: OrganizationRef,
  projectIds: readonly number[],
): Promise<Map<number, number>> {
  if (projectIds.length === 0) return new Map();
  const among = idAmong(
    dialectOfDataSource(projects.manager.connection),
    'counted.id',
    projectIds,
    'countedIds',
  );
  const rows = await new OrganizationScope(projects)
    .query(organization, 'counted')
    .select('counted.id', 'id')
    .addSelect(
      `CASE WHEN EXISTS (SELECT 1 FROM workspace count_pw
          WHERE count_pw.id = counted.workspace_id AND count_pw.is_personal = TRUE) THEN 1
        ELSE (SELECT COUNT(*) FROM organization_member count_m
          WHERE count_m.organization_id = counted.organization_id AND count_m.deleted_at IS NULL
            AND (count_m.role IN ('OW', 'AD')
              OR EXISTS (SELECT 1 FROM project_member count_pm
                WHERE count_pm.project_id = counted.id AND count_pm.user_id = count_m.user_id)
              OR EXISTS (SELECT 1 FROM workspace_member count_wm
                WHERE count_wm.workspace_id = counted.workspace_id
                  AND count_wm.user_id = count_m.user_id))) END`,
      'members_count',
    )
    .andWhere(among.condition, among.parameters)
    .getRawMany<{ id: number | string; members_count: unknown }>();
  return new Map(rows.map((row) => [Number(row.id), countOf(row.members_count)]));
}
