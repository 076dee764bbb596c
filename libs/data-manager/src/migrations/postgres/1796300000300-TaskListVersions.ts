import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Versions of each project's tasks that every committed change moves, so that the task list can
 * keep the totals of a filter until the tasks change (`TaskTotals`). A project's version is the
 * set of its slots: a writing connection moves the slot of its backend, so concurrent writers of
 * one project rarely wait for each other's commit on a shared row. Statement-level triggers with
 * transition tables: one write per statement, not per row, so a bulk import of a million rows
 * pays for it once. Values come from one sequence: a slot never takes a value it had before.
 */
export class TaskListVersionsPostgres1796300000300 implements MigrationInterface {
  name = 'TaskListVersionsPostgres1796300000300';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE SEQUENCE "task_list_version_seq"');
    await queryRunner.query(
      'CREATE TABLE "task_list_version" ("project_id" integer NOT NULL, "slot" smallint NOT NULL, "version" bigint NOT NULL, CONSTRAINT "PK_task_list_version" PRIMARY KEY ("project_id", "slot"), CONSTRAINT "FK_task_list_version_project" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE CASCADE)',
    );
    // Projects in id order, so that two statements touching the same projects take their slots
    // in the same order. A project being deleted (tasks removed by its cascade) gets no slot.
    await queryRunner.query(`CREATE FUNCTION "task_list_version_bump"() RETURNS trigger
      LANGUAGE plpgsql AS $$
      DECLARE changed integer;
      BEGIN
        IF TG_OP = 'TRUNCATE' THEN
          UPDATE task_list_version SET version = nextval('task_list_version_seq');
          RETURN NULL;
        END IF;
        FOR changed IN
          SELECT project_id FROM changed_rows GROUP BY project_id ORDER BY project_id
        LOOP
          INSERT INTO task_list_version (project_id, slot, version)
            SELECT changed, pg_backend_pid() % 32, nextval('task_list_version_seq')
            WHERE EXISTS (SELECT 1 FROM project WHERE id = changed)
            ON CONFLICT (project_id, slot) DO UPDATE SET version = EXCLUDED.version;
        END LOOP;
        RETURN NULL;
      END $$`);
    await queryRunner.query(
      'CREATE TRIGGER "task_list_version_insert" AFTER INSERT ON "task" REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "task_list_version_bump"()',
    );
    await queryRunner.query(
      'CREATE TRIGGER "task_list_version_update" AFTER UPDATE ON "task" REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "task_list_version_bump"()',
    );
    await queryRunner.query(
      'CREATE TRIGGER "task_list_version_delete" AFTER DELETE ON "task" REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "task_list_version_bump"()',
    );
    await queryRunner.query(
      'CREATE TRIGGER "task_list_version_truncate" AFTER TRUNCATE ON "task" FOR EACH STATEMENT EXECUTE FUNCTION "task_list_version_bump"()',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const trigger of ['truncate', 'delete', 'update', 'insert']) {
      await queryRunner.query(`DROP TRIGGER "task_list_version_${trigger}" ON "task"`);
    }
    await queryRunner.query('DROP FUNCTION "task_list_version_bump"()');
    await queryRunner.query('DROP TABLE "task_list_version"');
    await queryRunner.query('DROP SEQUENCE "task_list_version_seq"');
  }
}
