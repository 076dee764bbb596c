import { Injectable } from '@nestjs/common';
import { AuthContext } from '@ls/auth';
import { pageWindow } from '@ls/core';
import { Task, TaskVisibility } from '@ls/tasks';
import { idOrderDirection } from '../query/ordering-sql';
import { TaskSelection, TaskSelections } from '../selection/task-selections';
import { ListTasksQuery } from './list-tasks.query';
import { TaskTotals } from './task-totals';

export interface TaskListPage {
  tasks: Task[];
  /** The columns the view hides, when the list is a view's that says. */
  hiddenColumns: ReadonlySet<string> | null;
  total: number;
  total_annotations: number;
  total_predictions: number;
}

/**
 * The data manager's task list: the tasks a view or a query selects, one page of them and the
 * totals of the whole selection, both from the same compiled WHERE.
 */
@Injectable()
export class TaskListService {
  constructor(
    private readonly selections: TaskSelections,
    private readonly totals: TaskTotals,
    private readonly visibility: TaskVisibility,
  ) {}

  async page(auth: AuthContext, query: ListTasksQuery): Promise<TaskListPage> {
    const selection = await this.selections.resolve(auth, {
      projectId: query.project,
      viewId: query.view,
      params: query.query,
      selectedItems: query.selectedItems,
    });
    await this.visibility.assertMayBrowse(auth, selection.projectId);
    const onlyAnnotated = query.only_annotated === true;
    const [tasks, totals] = await Promise.all([
      this.pageOf(selection, onlyAnnotated, pageWindow(query)),
      this.totals.of(this.selected(selection, onlyAnnotated), selection.projectId, {
        params: selection.params,
        // What a limited caller sees moves with their drafts and assignments, not only tasks.
        keep: selection.visibleTasks === null,
      }),
    ]);
    return { tasks, hiddenColumns: selection.hiddenColumns, ...totals };
  }

  /**
   * Ordered by id, a page past the first starts at the id the OFFSET would reach, found by a
   * subquery that reads only the `(project_id, id)` index when nothing filters: the same rows as
   * OFFSET without reading the skipped ones (OFFSET 500,000 read 500,000 rows).
   */
  private pageOf(
    selection: TaskSelection,
    onlyAnnotated: boolean,
    window: { offset: number; size: number },
  ): Promise<Task[]> {
    const page = this.selected(selection, onlyAnnotated);
    const direction = idOrderDirection(selection.params.ordering);
    if (window.offset === 0 || direction === undefined) {
      return page.offset(window.offset).limit(window.size).getMany();
    }
    const boundary = this.selected(selection, onlyAnnotated)
      .select('task.id')
      .offset(window.offset)
      .limit(1);
    return page
      .andWhere(`task.id ${direction === 'ASC' ? '>=' : '<='} (${boundary.getQuery()})`)
      .limit(window.size)
      .getMany();
  }

  private selected(selection: TaskSelection, onlyAnnotated: boolean) {
    const query = this.selections.query(selection);
    return onlyAnnotated
      ? query.andWhere('(task.total_annotations > 0 OR task.cancelled_annotations > 0)')
      : query;
  }
}
