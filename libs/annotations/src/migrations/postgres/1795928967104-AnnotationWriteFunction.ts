import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The annotation hot path as one function, planned once per connection (docs/adr/0004). Each
 * statement inside takes a fresh snapshot, so once the task's lock is held the count sees every
 * committed annotation. Returns NULL, writing nothing, when the task is not in the organization
 * or its project's config changed since the caller read it (`p_config_version`: the parsed label
 * config and skip mode as text, CONFIG_VERSION_SQL in task-access.ts; NULL skips that check).
 */
export class AnnotationWriteFunctionPostgres1795928967104 implements MigrationInterface {
  name = 'AnnotationWriteFunctionPostgres1795928967104';

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
      SELECT COUNT(DISTINCT a.completed_by_id) FROM annotation a
      WHERE a.task_id = p_task
        AND (COALESCE(v_count_skips, FALSE) OR (a.was_cancelled = FALSE AND a.result IS NOT NULL))
    ) >= overlap END,
    updated_at = p_now,
    updated_by_id = p_updated_by
  WHERE id = p_task;
  RETURN v_id;
END $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'DROP FUNCTION ls_insert_annotation(integer, integer, text, jsonb, integer, integer, boolean, boolean, double precision, timestamptz, integer, integer, varchar, bigint, varchar, timestamptz)',
    );
  }
}
