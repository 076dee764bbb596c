import { MigrationInterface, QueryRunner } from 'typeorm';

const HEAD = `
CREATE OR REPLACE FUNCTION ls_insert_annotation(
  p_task integer, p_organization integer, p_config_version text,
  p_result jsonb, p_completed_by integer, p_updated_by integer, p_was_cancelled boolean,
  p_ground_truth boolean, p_lead_time double precision, p_draft_created_at timestamptz,
  p_parent_prediction integer, p_parent_annotation integer, p_last_action varchar,
  p_import_id bigint, p_unique_id varchar, p_now timestamptz
) RETURNS integer LANGUAGE plpgsql AS $$`;

// The organization condition below is OrganizationScope.sql('p', 'p_organization') of @ls/auth,
// written out: a migration is a snapshot and imports no library code.
const LOCK_AND_INSERT = `
  SELECT t.project_id, p.skip_queue = 'IGNORE_SKIPPED', t.is_labeled
    INTO v_project, v_count_skips, v_labeled
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
    RETURNING id INTO v_id;`;

/**
 * The annotation hot path no longer writes `task` itself: it counts the task's completed
 * annotations (only while the task is not labeled yet: a new annotation cannot unlabel it) and
 * hands the count to the tasks library's `ls_task_annotation_added`, which updates the task's
 * counters. Same statements, same locks, one PL/pgSQL call more (measured: docs/performance.md).
 */
export class AnnotationWriteCountsThroughTasksPostgres1796200000001 implements MigrationInterface {
  name = 'AnnotationWriteCountsThroughTasksPostgres1796200000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`${HEAD}
DECLARE
  v_project integer;
  v_count_skips boolean;
  v_labeled boolean;
  v_completed bigint;
  v_id integer;
BEGIN${LOCK_AND_INSERT}
  IF NOT v_labeled THEN
    SELECT COUNT(*) INTO v_completed FROM annotation a
      WHERE a.task_id = p_task
        AND (COALESCE(v_count_skips, FALSE) OR (a.was_cancelled = FALSE AND a.result IS NOT NULL));
  END IF;
  PERFORM ls_task_annotation_added(p_task, p_was_cancelled, v_completed, p_now, p_updated_by);
  RETURN v_id;
END $$`);
  }

  /** Back to the function of CountCompletedAnnotations, which updates `task` itself. */
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`${HEAD}
DECLARE
  v_project integer;
  v_count_skips boolean;
  v_labeled boolean;
  v_id integer;
BEGIN${LOCK_AND_INSERT}
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
  }
}
