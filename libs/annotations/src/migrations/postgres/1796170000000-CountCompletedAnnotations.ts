import { MigrationInterface, QueryRunner } from 'typeorm';
import { AnnotationWriteFunctionPostgres1795928967104 } from './1795928967104-AnnotationWriteFunction';

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
 * 11): the annotation write function counts annotations instead of distinct annotators, and
 * existing tasks take their project's overlap and are recounted.
 */
export class CountCompletedAnnotationsPostgres1796170000000 implements MigrationInterface {
  name = 'CountCompletedAnnotationsPostgres1796170000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
CREATE OR REPLACE FUNCTION ls_insert_annotation(
  p_task integer, p_organization integer, p_config_version text,
  p_result jsonb, p_completed_by integer, p_updated_by integer, p_was_cancelled boolean,
  p_ground_truth boolean, p_lead_time double precision, p_draft_created_at timestamptz,
  p_parent_prediction integer, p_parent_annotation integer, p_last_action varchar,
  p_import_id bigint, p_unique_id varchar, p_now timestamptz
) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  v_project integer;
  v_count_skips boolean;
  v_id integer;
BEGIN
  SELECT t.project_id, p.skip_queue = 'IGNORE_SKIPPED' INTO v_project, v_count_skips
    FROM task t JOIN project p ON p.id = t.project_id
    WHERE t.id = p_task AND p.organization_id = p_organization
      AND (p_config_version IS NULL
        OR CAST(p.parsed_label_config AS TEXT) || '|' || COALESCE(p.skip_queue, '') = p_config_version)
    FOR UPDATE OF t;
  IF NOT FOUND THEN
    RETURN NULL;
  END IF;
  IF p_ground_truth THEN
    UPDATE annotation SET ground_truth = FALSE WHERE task_id = p_task AND ground_truth;
  END IF;
  INSERT INTO annotation (result, task_id, project_id, completed_by_id, updated_by_id,
      was_cancelled, ground_truth, lead_time, draft_created_at, parent_prediction_id,
      parent_annotation_id, last_action, last_created_by_id, import_id, bulk_created, unique_id,
      created_at, updated_at)
    VALUES (p_result, p_task, v_project, p_completed_by, p_updated_by, p_was_cancelled,
      p_ground_truth, p_lead_time, p_draft_created_at, p_parent_prediction, p_parent_annotation,
      p_last_action, p_updated_by, p_import_id, FALSE, p_unique_id, p_now, p_now)
    RETURNING id INTO v_id;
  UPDATE task SET
    total_annotations = total_annotations + CASE WHEN p_was_cancelled THEN 0 ELSE 1 END,
    cancelled_annotations = cancelled_annotations + CASE WHEN p_was_cancelled THEN 1 ELSE 0 END,
    is_labeled = CASE WHEN is_labeled THEN TRUE ELSE (
      SELECT COUNT(*) FROM annotation a
      WHERE a.task_id = p_task
        AND (COALESCE(v_count_skips, FALSE) OR (a.was_cancelled = FALSE AND a.result IS NOT NULL))
    ) >= overlap END,
    updated_at = p_now,
    updated_by_id = p_updated_by
  WHERE id = p_task;
  RETURN v_id;
END $$`);
    for (const sql of RECOUNT_SQL) await queryRunner.query(sql);
  }

  /** The function goes back to distinct annotators; stored flags stay as recounted. */
  async down(queryRunner: QueryRunner): Promise<void> {
    await new AnnotationWriteFunctionPostgres1795928967104().up(queryRunner);
  }
}
