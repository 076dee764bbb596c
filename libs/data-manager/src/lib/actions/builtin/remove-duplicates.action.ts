import { Injectable } from '@nestjs/common';
import { TaskSelectionWrites } from '@ls/annotations';
import { canonicalJson } from '@ls/core';
import { TasksService } from '@ls/tasks';
import { ActionRun, DataManagerAction } from '../data-manager-action';

interface Candidate {
  id: number;
  data: unknown;
  annotations: number;
}

/**
 * Tasks of the selection with the same data are one task: the one with annotations (else the
 * oldest) keeps its id and receives the others' annotations; the others are deleted. Running it
 * again after an interruption finishes the work.
 */
@Injectable()
export class RemoveDuplicatesAction implements DataManagerAction {
  readonly id = 'remove_duplicates';
  readonly title = 'Remove Duplicated Tasks';
  readonly order = 1;
  readonly permission = 'tasks.delete';
  readonly requires = 'tasks.delete' as const;
  readonly runsAsJobWhenLarge = true;
  readonly dialog = {
    text:
      'Tasks with the same data will be merged: annotations move to the task that is kept and ' +
      'the other tasks are deleted. Please confirm.',
    type: 'confirm' as const,
  };

  constructor(
    private readonly writes: TaskSelectionWrites,
    private readonly tasks: TasksService,
  ) {}

  async run({ auth, projectId, selected }: ActionRun) {
    const rows = await selected()
      .select(['task.id', 'task.data', 'task.total_annotations', 'task.cancelled_annotations'])
      .getMany();
    const groups = new Map<string, Candidate[]>();
    for (const task of rows) {
      const key = canonicalJson(task.data);
      const candidate = {
        id: task.id,
        data: task.data,
        annotations: task.total_annotations + task.cancelled_annotations,
      };
      groups.set(key, [...(groups.get(key) ?? []), candidate]);
    }
    let removed = 0;
    for (const group of groups.values()) {
      if (group.length < 2) continue;
      const kept = [...group].sort((a, b) => b.annotations - a.annotations || a.id - b.id)[0];
      const others = group.filter((task) => task.id !== kept.id).map((task) => task.id);
      await this.writes.moveAnnotations(auth, projectId, others, kept.id);
      removed += await this.tasks.deleteTasks(auth, projectId, others);
    }
    return {
      processed_items: removed,
      reload: true,
      detail: `Removed ${removed} duplicated tasks`,
    };
  }
}
