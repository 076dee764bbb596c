import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { AuthContext } from '@ls/auth';
import { chunksOf, dialectOfManager, idAmong, TransactionRunner } from '@ls/core';
import { ProjectScope, ProjectsService } from '@ls/projects';
import { ViewCreateDto } from './dto/view-create.dto';
import { ViewOrderDto } from './dto/view-order.dto';
import { ViewUpdateDto } from './dto/view-update.dto';
import { viewChangesOf, viewReplacementOf } from './view-changes';
import { ViewParams } from './view-params';
import { View } from './view.entity';

/** The data manager views (tabs) of the organization's projects. */
@Injectable()
export class ViewsService {
  private readonly scope: ProjectScope<View>;

  constructor(
    private readonly transactions: TransactionRunner,
    private readonly projects: ProjectsService,
    @InjectRepository(View) private readonly views: Repository<View>,
  ) {
    this.scope = new ProjectScope(views);
  }

  /** Views of a project (404 when it is not the organization's), or of all its projects. */
  async list(auth: AuthContext, projectId?: number): Promise<View[]> {
    const query = this.scope.query(auth, 'view');
    if (projectId !== undefined) {
      await this.projects.get(auth, projectId);
      query.andWhere('view.project_id = :projectId', { projectId });
    }
    return query.orderBy('view.order', 'ASC', 'NULLS LAST').addOrderBy('view.id', 'ASC').getMany();
  }

  async get(auth: AuthContext, id: number): Promise<View> {
    const view = await this.scope.query(auth, 'view').andWhere('view.id = :id', { id }).getOne();
    if (!view) throw new NotFoundException('Not found.');
    return view;
  }

  /** A new view goes after the project's other views. */
  async create(auth: AuthContext, body: ViewCreateDto): Promise<View> {
    const changes = viewReplacementOf(body);
    const project = await this.projects.getReferenced(auth, body.project);
    const id = await this.transactions.run(async ({ manager }) => {
      const { highest } = (await manager
        .getRepository(View)
        .createQueryBuilder('view')
        .select('MAX(view.order)', 'highest')
        .where('view.project_id = :projectId', { projectId: project.id })
        .getRawOne<{ highest: number | null }>()) ?? { highest: null };
      const order = highest === null ? 0 : Number(highest) + 1;
      const saved = await manager.getRepository(View).save(
        manager.create(View, {
          ...changes,
          project_id: project.id,
          user_id: auth.user.id,
          order,
        }),
      );
      return saved.id;
    });
    return this.get(auth, id);
  }

  /** PUT (`replace`): what the body leaves out is cleared; PATCH: only what it gives changes. */
  async update(
    auth: AuthContext,
    id: number,
    body: ViewUpdateDto,
    replace: boolean,
  ): Promise<View> {
    const view = await this.get(auth, id);
    const changes = replace ? viewReplacementOf(body) : viewChangesOf(body);
    const projectId =
      body.project === undefined || body.project === view.project_id
        ? view.project_id
        : (await this.projects.getReferenced(auth, body.project)).id;
    const values = { ...changes, project_id: projectId } as QueryDeepPartialEntity<View>;
    await this.views.update({ id: view.id }, values);
    return this.get(auth, id);
  }

  async delete(auth: AuthContext, id: number): Promise<void> {
    const view = await this.get(auth, id);
    await this.views.delete({ id: view.id });
  }

  /** Each listed view of the project takes its position in `ids` as `order`; others are left. */
  async reorder(auth: AuthContext, body: ViewOrderDto): Promise<void> {
    const project = await this.projects.getReferenced(auth, body.project);
    const positions = new Map(body.ids.map((id, position) => [id, position]));
    await this.transactions.run(async ({ manager }) => {
      const dialect = dialectOfManager(manager);
      for (const chunk of chunksOf([...positions.keys()])) {
        const among = idAmong(dialect, 'view.id', chunk);
        const found = await manager
          .getRepository(View)
          .createQueryBuilder('view')
          .select('view.id', 'id')
          .where('view.project_id = :projectId', { projectId: project.id })
          .andWhere(among.condition, among.parameters)
          .getRawMany<{ id: number }>();
        for (const { id } of found) {
          await manager.update(View, { id: Number(id) }, { order: positions.get(Number(id)) });
        }
      }
    });
  }

  /** Deletes every view of the project (404 when it is not the organization's). */
  async reset(auth: AuthContext, projectId: number): Promise<void> {
    const project = await this.projects.get(auth, projectId);
    await this.views.delete({ project_id: project.id });
  }

  /** The stored params of a view for the task query, scoped to the caller's organization. */
  async paramsOf(auth: AuthContext, viewId: number): Promise<ViewParams> {
    const view = await this.get(auth, viewId);
    const displayTypes = view.data?.columnsDisplayType;
    return {
      projectId: view.project_id,
      filters: view.filter_group,
      ordering: view.ordering ?? [],
      selectedItems: view.selected_items,
      columnsDisplayType:
        typeof displayTypes === 'object' && displayTypes !== null
          ? (displayTypes as Record<string, string>)
          : {},
      hiddenColumns: hiddenColumnsOf(view.data?.hiddenColumns),
    };
  }
}

/**
 * The columns a view's `hiddenColumns` (`{explore: [...], labeling: [...]}`) hides in both of
 * its lists, as Label Studio reads it; null when the view does not say.
 */
function hiddenColumnsOf(hidden: unknown): ReadonlySet<string> | null {
  if (typeof hidden !== 'object' || hidden === null) return null;
  const { explore, labeling } = hidden as { explore?: unknown; labeling?: unknown };
  const names = (list: unknown) =>
    Array.isArray(list) ? list.filter((name): name is string => typeof name === 'string') : [];
  const inLabeling = new Set(names(labeling));
  return new Set(names(explore).filter((name) => inLabeling.has(name)));
}
