import { Injectable } from '@nestjs/common';
import { AuthContext } from '@ls/auth';
import { TaskFilterSource, TaskSelection as SelectedItems } from '@ls/tasks';
import { TaskSelections } from './task-selections';

/** The data manager's filters for the routes of the tasks library that select tasks. */
@Injectable()
export class TaskFiltersFromDataManager implements TaskFilterSource {
  constructor(private readonly selections: TaskSelections) {}

  async selectedIds(
    auth: AuthContext,
    projectId: number,
    filters: Record<string, unknown>,
    selectedItems: SelectedItems,
  ): Promise<number[]> {
    const selection = await this.selections.resolve(auth, {
      projectId,
      params: { filters, selectedItems },
    });
    return this.selections.ids(selection);
  }
}
