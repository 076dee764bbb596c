import { MigrationInterface, QueryRunner } from 'typeorm';

const RECOUNT_SQL = [
  // Tasks take their project's maximum_annotations where every task should (cohort 100 %).
  `UPDATE task SET overlap = (SELECT p.maximum_annotations FROM project p WHERE p.id = task.project_id)
   WHERE project_id IN (SELECT id FROM project WHERE overlap_cohort_percentage >= 100)`,
  `UPDATE task SET is_labeled = (
     SELECT COUNT(*) FROM annotation a
     WHERE a.task_id = task.id AND (
       (SELECT p.skip_queue FROM project p WHERE p.id = task.project_id) = 'IGNORE_SKIPPED'
       OR (a.was_cancelled = FALSE AND a.result IS NOT NULL))
   ) >= overlap`,
];

/**
 * A task is labeled when its completed annotations reach its overlap, whoever made them (issue
 * 11): existing tasks take their project's overlap and are recounted.
 */
export class CountCompletedAnnotationsSqlite1796170000000 implements MigrationInterface {
  name = 'CountCompletedAnnotationsSqlite1796170000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const sql of RECOUNT_SQL) await queryRunner.query(sql);
  }

  /** Stored flags stay as recounted: nothing to undo. */
  down(): Promise<void> {
    return Promise.resolve();
  }
}
