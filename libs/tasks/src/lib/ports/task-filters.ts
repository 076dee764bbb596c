import { Injectable } from '@nestjs/common';
import { AuthContext } from '@ls/auth';
import { isJsonObject, ValidationFailedException } from '@ls/core';
import { TaskSelection, TasksService } from '../tasks.service';

export interface TaskFilterSource {
  /** Ids of the project's tasks that data manager `filters` and `selectedItems` select. */
  selectedIds(
    auth: AuthContext,
    projectId: number,
    filters: Record<string, unknown>,
    selectedItems: TaskSelection,
  ): Promise<number[]>;
}

/**
 * Where the data manager plugs in its filter language, for routes of this library that select
 * tasks (bulk assignment). Without it, a selection with filters is refused.
 */
@Injectable()
export class TaskFilters {
  private source?: TaskFilterSource;

  constructor(private readonly tasks: TasksService) {}

  register(source: TaskFilterSource): void {
    this.source = source;
  }

  async selectedIds(
    auth: AuthContext,
    projectId: number,
    filters: unknown,
    selectedItems: TaskSelection,
  ): Promise<number[]> {
    const items = isJsonObject(filters) ? filters['items'] : undefined;
    if (!isJsonObject(filters) || !Array.isArray(items) || items.length === 0) {
      return this.tasks.selectedIds(auth, projectId, selectedItems);
    }
    if (!this.source) {
      throw new ValidationFailedException({
        filters: ['Filtering tasks needs the data manager; select tasks with selectedItems.'],
      });
    }
    return this.source.selectedIds(auth, projectId, filters, selectedItems);
  }
}
