import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { AuthContext } from '@ls/auth';
import { BoundSql, dialectOfManager, sqliteTimestamp } from '@ls/core';
import { Project } from '@ls/projects';
import { AssignmentType } from '../assignments/task-assignment.entity';
import { effectiveRole } from './effective-role';

/**
 * Which tasks of a project a limited caller sees (no rule: all of them): the tasks assigned to
 * them with `type`, or (`worked-on`) those they annotated or drafted plus those assigned to them
 * to annotate.
 */
export type VisibleTasks =
  | { kind: 'assigned'; userId: number; type: AssignmentType }
  | { kind: 'worked-on'; userId: number };

/** Binds a value and returns its placeholder; called in text order, once per use. */
export type Bind = (value: number | string | Date) => string;

/** SQL of "user worked on task alias `task`", from the library that keeps annotations and drafts. */
export type WorkedOnSql = (task: string, userId: number, bind: Bind) => string;

/** Fixed parameter names: two builders of one selection (a page and its boundary) agree on them. */
const PARAMETER_PREFIX = 'task_visibility_';

/**
 * What an annotator or a reviewer may see of a project's tasks (Enterprise §1.5). In a project
 * whose label stream distributes tasks manually (`assigned_only`), an annotator sees the tasks
 * assigned to them; otherwise the tasks they worked on and those assigned to them. A reviewer
 * sees the tasks assigned to them for review when the project reviews only manual assignments,
 * else every task. Managers and above see every task. The rule is applied in SQL (`restrict`,
 * `condition`), never to a page already read.
 */
@Injectable()
export class TaskVisibility {
  private readonly workedOn: WorkedOnSql[] = [];

  constructor(private readonly dataSource: DataSource) {}

  /**
   * What "worked on" means, said by the libraries that know (annotations and drafts; a task the
   * label stream holds for the user); any of them counts. Without one only assignments count.
   */
  registerWorkedOn(sql: WorkedOnSql): void {
    this.workedOn.push(sql);
  }

  /** The rule for the caller in the project; null when they see every task. */
  async of(
    auth: AuthContext,
    projectId: number,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<VisibleTasks | null> {
    const { role } = effectiveRole(auth, projectId);
    if (role !== 'AN' && role !== 'RE') return null;
    const project = await manager.findOne(Project, {
      select: { id: true, settings: true },
      where: { id: projectId },
    });
    const settings = project?.settings ?? {};
    const userId = auth.user.id;
    if (role === 'AN') {
      const manual =
        settings.assignment_settings?.label_stream_task_distribution === 'assigned_only';
      return manual ? { kind: 'assigned', userId, type: 'AN' } : { kind: 'worked-on', userId };
    }
    const reviewOnlyAssigned =
      settings.review_settings?.['review_only_manual_assignments'] === true;
    return reviewOnlyAssigned ? { kind: 'assigned', userId, type: 'RE' } : null;
  }

  /**
   * 403 unless the caller may browse the project's task list (the Data Manager): an annotator
   * when the project shows it to annotators (`show_annotation_history`, which Label Studio
   * Enterprise labels "Show Data Manager to Annotators"), a reviewer unless the review settings
   * hide it (`show_data_manager_to_reviewers`). The label stream and a task opened by id do not
   * depend on it.
   */
  async assertMayBrowse(
    auth: AuthContext,
    projectId: number,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    const { role } = effectiveRole(auth, projectId);
    if (role !== 'AN' && role !== 'RE') return;
    const project = await manager.findOne(Project, {
      select: { id: true, settings: true, show_annotation_history: true },
      where: { id: projectId },
    });
    if (!project) return;
    if (role === 'AN' && !project.show_annotation_history) {
      throw new ForbiddenException('The Data Manager of this project is not shown to annotators.');
    }
    if (
      role === 'RE' &&
      project.settings?.review_settings?.['show_data_manager_to_reviewers'] === false
    ) {
      throw new ForbiddenException('The Data Manager of this project is not shown to reviewers.');
    }
  }

  /** The rule as a condition on the task alias `task`. */
  condition(rule: VisibleTasks, task: string, bind: Bind): string {
    const assigned = (type: AssignmentType) =>
      `EXISTS (SELECT 1 FROM task_assignment vis_ta WHERE vis_ta.task_id = ${task}.id` +
      ` AND vis_ta.assignee_id = ${bind(rule.userId)} AND vis_ta.type = ${bind(type)})`;
    if (rule.kind === 'assigned') return assigned(rule.type);
    // Bound in text order: the assignment's values come first.
    const assignedToAnnotate = assigned('AN');
    const workedOn = this.workedOn.map((sql) => sql(task, rule.userId, bind));
    return `(${[assignedToAnnotate, ...workedOn].join(' OR ')})`;
  }

  /** Narrows a query builder over the task alias `task` to the rule (no rule: unchanged). */
  restrict<T extends ObjectLiteral>(
    query: SelectQueryBuilder<T>,
    task: string,
    rule: VisibleTasks | null,
  ): SelectQueryBuilder<T> {
    if (!rule) return query;
    const parameters: Record<string, unknown> = {};
    const postgres = dialectOfManager(query.connection.manager) === 'postgres';
    const bind: Bind = (value) => {
      const name = `${PARAMETER_PREFIX}${Object.keys(parameters).length}`;
      // Timestamps bound as the column stores them (SQLite compares text).
      parameters[name] =
        value instanceof Date ? (postgres ? value.toISOString() : sqliteTimestamp(value)) : value;
      return `:${name}`;
    };
    return query.andWhere(this.condition(rule, task, bind), parameters);
  }

  /** 404 unless the caller may see the task (as if it were not there). */
  async assertVisible(
    auth: AuthContext,
    task: { id: number; project_id: number },
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    const rule = await this.of(auth, task.project_id, manager);
    if (rule) await this.assertWithin(rule, task.id, manager);
  }

  /**
   * 404 unless the caller may label the task: where tasks are handed out by assignment only, an
   * annotator labels only the tasks assigned to them; elsewhere the label stream decides.
   */
  async assertMayLabel(
    auth: AuthContext,
    task: { id: number; project_id: number },
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    if (effectiveRole(auth, task.project_id).role !== 'AN') return;
    const rule = await this.of(auth, task.project_id, manager);
    if (rule?.kind === 'assigned') await this.assertWithin(rule, task.id, manager);
  }

  private async assertWithin(
    rule: VisibleTasks,
    taskId: number,
    manager: EntityManager,
  ): Promise<void> {
    const sql = new BoundSql(dialectOfManager(manager));
    const text = `SELECT 1 AS visible FROM task t WHERE t.id = ${sql.bind(taskId)} AND ${this.condition(rule, 't', (value) => sql.bind(value))}`;
    const rows: unknown[] = await manager.query(text, sql.values);
    if (rows.length === 0) throw new NotFoundException('Not found.');
  }
}
