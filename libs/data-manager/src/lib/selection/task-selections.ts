import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, SelectQueryBuilder } from 'typeorm';
import { AuthContext } from '@ls/auth';
import { countOf, ProjectsService } from '@ls/projects';
import { Task, TaskVisibility, VisibleTasks } from '@ls/tasks';
import { jsonParameter, parsePrepareParams, PrepareParams } from '../query/prepare-params';
import { TaskQuery } from '../query/task-query';
import { ViewsService } from '../views/views.service';

/** Which tasks a request means: a project, its prepare params and how data columns sort. */
export interface TaskSelection {
  projectId: number;
  params: PrepareParams;
  numberColumns: string[];
  /** Columns the view hides (`tasks:annotations_results`...); null without a view saying so. */
  hiddenColumns: ReadonlySet<string> | null;
  /** The tasks the caller's role lets them see (annotators, reviewers); null: every task. */
  visibleTasks: VisibleTasks | null;
}

export interface SelectionRequest {
  projectId?: number;
  viewId?: number;
  /** Prepare params as an object or as JSON text (the `query` URL parameter). */
  params?: unknown;
  /** `selectedItems` as JSON text, apart from the params (a URL parameter of its own). */
  selectedItems?: string;
}

/**
 * Resolves what a request selects, for the task list and for actions: a view's stored filters,
 * ordering and selection take precedence; otherwise the params given, on a project of the
 * caller's organization (another organization's project or view is a 404). Whatever it selects
 * stays within the tasks the caller may see (see TaskVisibility).
 */
@Injectable()
export class TaskSelections {
  constructor(
    private readonly dataSource: DataSource,
    private readonly taskQuery: TaskQuery,
    private readonly views: ViewsService,
    private readonly projects: ProjectsService,
    private readonly visibility: TaskVisibility,
  ) {}

  async resolve(auth: AuthContext, request: SelectionRequest): Promise<TaskSelection> {
    if (request.viewId !== undefined) {
      const view = await this.views.paramsOf(auth, request.viewId);
      if (request.projectId !== undefined && request.projectId !== view.projectId) {
        throw new NotFoundException('Not found.');
      }
      const params = parsePrepareParams({
        filters: view.filters,
        ordering: view.ordering,
        selectedItems: view.selectedItems,
      });
      return {
        projectId: view.projectId,
        params,
        numberColumns: numberColumnsOf(view.columnsDisplayType),
        hiddenColumns: view.hiddenColumns,
        visibleTasks: await this.visibility.of(auth, view.projectId),
      };
    }
    if (request.projectId === undefined) {
      throw new NotFoundException('Neither project nor view id specified');
    }
    await this.projects.get(auth, request.projectId);
    const params = parsePrepareParams(request.params ?? {});
    if (request.selectedItems !== undefined) {
      const selectedItems = jsonParameter(request.selectedItems, 'selectedItems');
      params.selectedItems = parsePrepareParams({ selectedItems }).selectedItems;
    }
    return {
      projectId: request.projectId,
      params,
      numberColumns: [],
      hiddenColumns: null,
      visibleTasks: await this.visibility.of(auth, request.projectId),
    };
  }

  /** The selected tasks, filtered and ordered, over the alias `task`. */
  query(selection: TaskSelection): SelectQueryBuilder<Task> {
    const query = this.taskQuery.select(
      this.dataSource.manager,
      selection.projectId,
      selection.params,
      { numberColumns: selection.numberColumns },
    );
    return this.visibility.restrict(query, 'task', selection.visibleTasks);
  }

  /** How many tasks the selection holds. */
  async count(selection: TaskSelection): Promise<number> {
    const row = await this.query(selection)
      .orderBy()
      .select('COUNT(*)', 'total')
      .getRawOne<{ total: unknown }>();
    return countOf(row?.total);
  }

  /** The selected tasks' ids, in the selection's order. */
  async ids(selection: TaskSelection): Promise<number[]> {
    const rows = await this.query(selection).select('task.id', 'id').getRawMany<{ id: unknown }>();
    return rows.map((row) => Number(row.id));
  }
}

/** Data columns a view displays as numbers sort as numbers (`columnsDisplayType`). */
function numberColumnsOf(displayTypes: Record<string, string>): string[] {
  return Object.entries(displayTypes)
    .filter(([, type]) => type === 'Number')
    .map(([column]) => column.replace(/^tasks:/, ''));
}
