import { Injectable, NotFoundException } from '@nestjs/common';
import { TransactionRunner } from '@ls/core';
import { effectiveRole, serializeTask, TaskRelations } from '@ls/tasks';
import { LabelStreamHistoryStore } from '../../label-stream/label-stream-history';
import { NextTaskService } from '../../next-task/next-task.service';
import { ActionRun, DataManagerAction } from '../data-manager-action';

/**
 * "Label All Tasks" of the data manager: the first task of the selection, in its order, that is
 * not labeled yet and that the caller has not annotated or skipped; 404 when none is left. The
 * task goes into the caller's label stream history, as Label Studio's `get_next_task` records it.
 * An annotator or reviewer gets their label stream instead (`/next/`: distribution, locks,
 * pauses), since the selection they see holds only what they already worked on.
 */
@Injectable()
export class NextTaskAction implements DataManagerAction {
  readonly id = 'next_task';
  readonly title = 'Generate next task';
  readonly order = 0;
  readonly permission = 'projects.view';
  readonly requires = 'annotations.create' as const;
  readonly hidden = true;

  constructor(
    private readonly relations: TaskRelations,
    private readonly transactions: TransactionRunner,
    private readonly history: LabelStreamHistoryStore,
    private readonly labelStream: NextTaskService,
  ) {}

  async run({ auth, projectId, selected }: ActionRun) {
    if (effectiveRole(auth, projectId).limited) {
      return { ...(await this.labelStream.next(auth, projectId)) };
    }
    const task = await selected()
      .andWhere('NOT task.is_labeled')
      .andWhere(
        'NOT EXISTS (SELECT 1 FROM annotation mine WHERE mine.task_id = task.id AND mine.completed_by_id = :caller)',
        { caller: auth.user.id },
      )
      .limit(1)
      .getOne();
    if (!task) throw new NotFoundException('There are no more tasks to label in this selection.');
    await this.transactions.run(({ manager }) =>
      this.history.record(manager, { userId: auth.user.id, projectId, taskId: task.id }),
    );
    const related = await this.relations.relatedTo([task], auth);
    return { ...serializeTask(task, related.get(task.id)) };
  }
}
