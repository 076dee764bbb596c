import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The task side of the annotation hot path (docs/adr/0004), owned here because it writes `task`:
 * the annotations library's `ls_insert_annotation` calls it once it has inserted one annotation
 * on a task it locked. A counter moves by one; `p_completed` (the task's completed annotations,
 * counted by the caller, NULL when the task was labeled already) decides `is_labeled`, which a
 * new annotation never clears. PL/pgSQL, so its statement is planned once per connection.
 */
export class TaskAnnotationAddedFunctionPostgres1796200000000 implements MigrationInterface {
  name = 'TaskAnnotationAddedFunctionPostgres1796200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
CREATE OR REPLACE FUNCTION ls_task_annotation_added(
  p_task integer, p_was_cancelled boolean, p_completed bigint, p_now timestamptz, p_user integer
) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  UPDATE task SET
    total_annotations = total_annotations + CASE WHEN p_was_cancelled THEN 0 ELSE 1 END,
    cancelled_annotations = cancelled_annotations + CASE WHEN p_was_cancelled THEN 1 ELSE 0 END,
    is_labeled = is_labeled OR COALESCE(p_completed >= overlap, FALSE),
    updated_at = p_now,
    updated_by_id = p_user
  WHERE id = p_task;
END $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'DROP FUNCTION ls_task_annotation_added(integer, boolean, bigint, timestamptz, integer)',
    );
  }
}
