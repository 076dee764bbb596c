import { BoundSql } from '@ls/core';
import { Project } from '@ls/projects';

/** Who asks for a task, in which project, at which moment. */
export interface StreamCaller {
  project: Project;
  userId: number;
  now: Date;
  /** Manual distribution for an annotator: only tasks assigned to them, no other queue. */
  onlyAssigned?: boolean;
}

/**
 * The conditions of Label Studio's labeling stream (`projects/functions/next_task.py`), as SQL on
 * the task alias `t` with every value bound. Each method binds its values when called, so call
 * them in the order their text ends up in the statement (SQLite placeholders are positional).
 */
export class StreamConditions {
  constructor(
    readonly sql: BoundSql,
    private readonly caller: StreamCaller,
  ) {}

  inProject(): string {
    return `t.project_id = ${this.sql.bind(this.caller.project.id)}`;
  }

  unlabeled(): string {
    return `t.is_labeled = ${this.sql.bind(false)}`;
  }

  /** Any annotation of the caller, skipped ones included, takes the task out of the main queue. */
  notAnnotatedByCaller(): string {
    return `NOT EXISTS (SELECT 1 FROM annotation mine WHERE mine.task_id = t.id AND mine.completed_by_id = ${this.me()})`;
  }

  /** Skipped by the caller and never annotated otherwise (REQUEUE_FOR_ME's queue). */
  skippedByCaller(): string {
    return (
      `EXISTS (SELECT 1 FROM annotation skip WHERE skip.task_id = t.id AND skip.completed_by_id = ${this.me()} AND skip.was_cancelled = ${this.sql.bind(true)})` +
      ` AND NOT EXISTS (SELECT 1 FROM annotation mine WHERE mine.task_id = t.id AND mine.completed_by_id = ${this.me()} AND mine.was_cancelled = ${this.sql.bind(false)})`
    );
  }

  /** The oldest skip of the caller on the task, to serve skips in the order they happened. */
  firstSkipOfCaller(): string {
    return `(SELECT MIN(skip.id) FROM annotation skip WHERE skip.task_id = t.id AND skip.completed_by_id = ${this.me()})`;
  }

  postponedByCaller(postponed: boolean): string {
    const exists = `EXISTS (SELECT 1 FROM annotation_draft pd WHERE pd.task_id = t.id AND pd.user_id = ${this.me()} AND pd.was_postponed = ${this.sql.bind(true)})`;
    return postponed ? exists : `NOT ${exists}`;
  }

  /** The newest change of the caller's postponed drafts of the task. */
  postponedAt(): string {
    return `(SELECT MAX(pd.updated_at) FROM annotation_draft pd WHERE pd.task_id = t.id AND pd.user_id = ${this.me()})`;
  }

  draftOfCaller(): string {
    return `EXISTS (SELECT 1 FROM annotation_draft d WHERE d.task_id = t.id AND d.user_id = ${this.me()} AND d.was_postponed = ${this.sql.bind(false)})`;
  }

  lockedByCaller(): string {
    return `EXISTS (SELECT 1 FROM task_lock own WHERE own.task_id = t.id AND own.user_id = ${this.me()} AND own.expire_at > ${this.sql.bind(this.caller.now)})`;
  }

  assignedToCaller(): string {
    return `EXISTS (SELECT 1 FROM task_assignment ta WHERE ta.task_id = t.id AND ta.assignee_id = ${this.me()} AND ta.type = ${this.sql.bind('AN')})`;
  }

  /**
   * Label Studio's `has_lock` negated: the live locks of other users who have not annotated the
   * task yet, plus the annotations that count against the overlap, leave room for the caller.
   * A lock stops counting once its holder annotated the task (see README, "Next task").
   */
  notFullForCaller(): string {
    const locks =
      `(SELECT COUNT(*) FROM task_lock l WHERE l.task_id = t.id AND l.user_id <> ${this.me()}` +
      ` AND l.expire_at > ${this.sql.bind(this.caller.now)}` +
      ' AND NOT EXISTS (SELECT 1 FROM annotation la WHERE la.task_id = t.id AND la.completed_by_id = l.user_id))';
    const annotations = `(SELECT COUNT(*) FROM annotation c WHERE c.task_id = t.id AND c.ground_truth = ${this.sql.bind(false)}${this.countedSkips()})`;
    return `${locks} + ${annotations} < t.overlap`;
  }

  /** Annotations of other users on the task (breadth first). */
  othersAnnotations(): string {
    return `(SELECT COUNT(*) FROM annotation o WHERE o.task_id = t.id AND o.completed_by_id <> ${this.me()})`;
  }

  /** The lowest score of the project's model version on the task; NULL when it has none. */
  lowestScore(): string {
    return `(SELECT MIN(p.score) FROM prediction p WHERE p.task_id = t.id AND p.model_version = ${this.sql.bind(this.caller.project.model_version ?? '')})`;
  }

  private countedSkips(): string {
    switch (this.caller.project.skip_queue) {
      case 'IGNORE_SKIPPED':
        return '';
      case 'REQUEUE_FOR_ME':
        return ` AND (c.was_cancelled = ${this.sql.bind(false)} OR c.completed_by_id <> ${this.me()})`;
      default:
        return ` AND c.was_cancelled = ${this.sql.bind(false)}`;
    }
  }

  private me(): string {
    return this.sql.bind(this.caller.userId);
  }
}
