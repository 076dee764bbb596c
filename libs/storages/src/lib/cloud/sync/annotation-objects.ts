import { EntityManager, In } from 'typeorm';
import { Annotation } from '@ls/annotations';
import { User } from '@ls/auth';
import { serializeAnnotation } from '@ls/annotations';
import { serializeTask, Task } from '@ls/tasks';

/** One annotation as an export storage stores it: the object's key and its JSON body. */
export interface AnnotationObject {
  annotationId: number;
  updatedAt: Date;
  key: string;
  body: string;
}

/** `<prefix>/<annotation id>`, or the id alone without a prefix, as Label Studio names them. */
export function annotationKey(prefix: unknown, annotationId: number): string {
  const folder = typeof prefix === 'string' ? prefix.replace(/\/+$/, '') : '';
  return folder ? `${folder}/${annotationId}` : String(annotationId);
}

/**
 * The annotations as Label Studio's export storages write them: the annotation as its API shows
 * it, with `task` the whole task (without its annotations) and `completed_by` the author's id,
 * names and email.
 */
export async function annotationObjects(
  manager: EntityManager,
  annotationIds: number[],
  prefix: unknown,
): Promise<AnnotationObject[]> {
  if (annotationIds.length === 0) return [];
  const annotations = await manager.find(Annotation, {
    where: { id: In(annotationIds) },
    order: { id: 'ASC' },
  });
  const tasks = await manager.findBy(Task, {
    id: In([...new Set(annotations.map((a) => a.task_id))]),
  });
  const userIds = [
    ...new Set(annotations.flatMap((a) => (a.completed_by_id ? [a.completed_by_id] : []))),
  ];
  const users = userIds.length ? await manager.findBy(User, { id: In(userIds) }) : [];
  const taskById = new Map(tasks.map((task) => [task.id, task]));
  const userById = new Map(users.map((user) => [user.id, user]));
  return annotations.flatMap((annotation) => {
    const task = taskById.get(annotation.task_id);
    if (!task) return [];
    const author = annotation.completed_by_id
      ? userById.get(annotation.completed_by_id)
      : undefined;
    const { annotations: _a, predictions: _p, drafts: _d, ...taskFields } = serializeTask(task);
    const body = {
      ...serializeAnnotation(annotation, author ?? null),
      task: taskFields,
      completed_by: author
        ? {
            id: author.id,
            first_name: author.first_name,
            last_name: author.last_name,
            email: author.email,
          }
        : null,
    };
    return [
      {
        annotationId: annotation.id,
        updatedAt: annotation.updated_at,
        key: annotationKey(prefix, annotation.id),
        body: JSON.stringify(body),
      },
    ];
  });
}
