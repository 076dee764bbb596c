import { Injectable, NotFoundException } from '@nestjs/common';
import { serializeTask, TaskRelations } from '@ls/tasks';
import { ActionRun, DataManagerAction } from '../data-manager-action';

/**
 * "Label All Tasks" of the data manager: the first task of the selection, in its order, that is
 * not labeled yet and that the caller has not annotated or skipped; 404 when none is left.
 */
@Injectable()
export class NextTaskAction implements DataManagerAction {
  readonly id = 'next_task';
  readonly title = 'Generate next task';
  readonly order = 0;
  readonly permission = 'projects.view';
  readonly requires = 'annotations.create' as const;
  readonly hidden = true;

  constructor(private readonly relations: TaskRelations) {}

  async run({ auth, selected }: ActionRun) {
    const task = await selected()
      .andWhere('NOT task.is_labeled')
      .andWhere(
        'NOT EXISTS (SELECT 1 FROM annotation mine WHERE mine.task_id = task.id AND mine.completed_by_id = :caller)',
        { caller: auth.user.id },
      )
      .limit(1)
      .getOne();
    if (!task) throw new NotFoundException('There are no more tasks to label in this selection.');
    const related = await this.relations.relatedTo([task], auth);
    return { ...serializeTask(task, related.get(task.id)) };
  }
}
