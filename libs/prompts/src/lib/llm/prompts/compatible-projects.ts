import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AuthContext, OrganizationScope } from '@ls/auth';
import { PageWindow } from '@ls/core';
import {
  AllRolesProjectListResponse,
  namedBinder,
  ParsedLabelConfig,
  Project,
  ProjectRows,
  ProjectsService,
  serializeProject,
  visibleProjectSql,
} from '@ls/projects';
import { SkillName, skillFit } from './prompt-skills';

/**
 * The projects the caller sees that a prompt of a skill could label. Fitness is read from each
 * project's parsed config, so the visible projects' ids and configs are read (in the order asked)
 * and only the page shown is loaded in full.
 */
@Injectable()
export class CompatibleProjects {
  constructor(
    @InjectRepository(Project) private readonly projects: Repository<Project>,
    private readonly service: ProjectsService,
    private readonly rows: ProjectRows,
  ) {}

  async page(
    auth: AuthContext,
    skill: SkillName,
    ordering: string,
    window: PageWindow,
  ): Promise<{ results: AllRolesProjectListResponse[]; count: number }> {
    const fitting = await this.fittingIds(auth, skill, ordering);
    const pageIds = fitting.slice(window.offset, window.offset + window.size);
    if (pageIds.length === 0) return { results: [], count: fitting.length };
    const { rows } = await this.service.list(
      auth,
      { ids: pageIds.join(','), ordering },
      { page: 1, size: pageIds.length, offset: 0 },
    );
    const results = await this.rows.serialize(auth, rows, serializeProject);
    return { results, count: fitting.length };
  }

  private async fittingIds(auth: AuthContext, skill: SkillName, ordering: string) {
    const visibility = namedBinder('visible');
    const viewer = { userId: auth.user.id, role: auth.role };
    const query = new OrganizationScope(this.projects)
      .query(auth, 'project')
      .select('project.id', 'id')
      .addSelect('project.parsed_label_config', 'config')
      .andWhere(visibleProjectSql('project', viewer, visibility.bind), visibility.params)
      .andWhere(
        `(project.workspace_id IS NULL OR NOT EXISTS (SELECT 1 FROM workspace sandbox
          WHERE sandbox.id = project.workspace_id AND sandbox.is_personal = TRUE))`,
      );
    const fields = ordering.split(',');
    fields.forEach((field, index) => {
      const descending = field.startsWith('-');
      const column = `project.${field.replace(/^-/, '')}`;
      const nulls = descending ? 'NULLS LAST' : 'NULLS FIRST';
      if (index === 0) query.orderBy(column, descending ? 'DESC' : 'ASC', nulls);
      else query.addOrderBy(column, descending ? 'DESC' : 'ASC', nulls);
    });
    if (!fields.some((field) => field.replace(/^-/, '') === 'id')) {
      query.addOrderBy('project.id', 'DESC');
    }
    const rows = await query.getRawMany<{ id: number | string; config: unknown }>();
    return rows
      .filter((row) => skillFit(parsedConfig(row.config), skill).fits)
      .map((row) => Number(row.id));
  }
}

/** A raw JSON column: an object on PostgreSQL, its text on SQLite. */
function parsedConfig(value: unknown): ParsedLabelConfig | null {
  if (typeof value !== 'string') return (value as ParsedLabelConfig | null) ?? null;
  try {
    return JSON.parse(value) as ParsedLabelConfig;
  } catch {
    return null;
  }
}
