import { WorkedOnSql } from '@ls/tasks';

/** "The user annotated (or skipped) the task, or keeps a draft of it" (see TaskVisibility). */
export const workedOnSql: WorkedOnSql = (task, userId, bind) =>
  `EXISTS (SELECT 1 FROM annotation vis_a WHERE vis_a.task_id = ${task}.id` +
  ` AND vis_a.completed_by_id = ${bind(userId)})` +
  ` OR EXISTS (SELECT 1 FROM annotation_draft vis_d WHERE vis_d.task_id = ${task}.id` +
  ` AND vis_d.user_id = ${bind(userId)})`;
