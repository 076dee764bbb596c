import { MigrationInterface, QueryRunner } from 'typeorm';

export class InferenceRunsSqlite1796285407169 implements MigrationInterface {
  name = 'InferenceRunsSqlite1796285407169';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "model_run" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "organization_id" integer NOT NULL, "prompt_id" integer NOT NULL, "version_id" integer NOT NULL, "project_id" integer NOT NULL, "created_by_id" integer, "project_subset" varchar(16) NOT NULL DEFAULT (\'All\'), "status" varchar(16) NOT NULL DEFAULT (\'Pending\'), "job_id" varchar(255), "external" boolean NOT NULL DEFAULT (0), "only_missing_predictions" boolean NOT NULL DEFAULT (0), "total_tasks" integer NOT NULL DEFAULT (0), "total_predictions" integer NOT NULL DEFAULT (0), "total_correct_predictions" integer NOT NULL DEFAULT (0), "total_failed_predictions" integer NOT NULL DEFAULT (0), "total_cost_usd" double precision NOT NULL DEFAULT (0), "error_message" text, "triggered_at" datetime, "completed_at" datetime, "predictions_updated_at" datetime, "created_at" datetime NOT NULL DEFAULT (datetime(\'now\')))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_a53aa18a498d721be8039bbf85" ON "model_run" ("project_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_c3a7864ece0c51b33003d30b88" ON "model_run" ("organization_id", "id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_dac28136ff04c6ebd7f4404c51" ON "model_run" ("version_id", "id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "model_run_task" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "run_id" integer NOT NULL, "task_id" integer NOT NULL, "prediction_id" integer, "error" text, "correct" boolean, "cost_usd" double precision NOT NULL DEFAULT (0), "created_at" datetime NOT NULL DEFAULT (datetime(\'now\')))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_168ecb4b202c0631548dd81ed5" ON "model_run_task" ("task_id") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_a50c82fa24148479214e5d287c" ON "model_run_task" ("run_id", "task_id") ',
    );
    await queryRunner.query('DROP INDEX "IDX_a53aa18a498d721be8039bbf85"');
    await queryRunner.query('DROP INDEX "IDX_c3a7864ece0c51b33003d30b88"');
    await queryRunner.query('DROP INDEX "IDX_dac28136ff04c6ebd7f4404c51"');
    await queryRunner.query(
      'CREATE TABLE "temporary_model_run" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "organization_id" integer NOT NULL, "prompt_id" integer NOT NULL, "version_id" integer NOT NULL, "project_id" integer NOT NULL, "created_by_id" integer, "project_subset" varchar(16) NOT NULL DEFAULT (\'All\'), "status" varchar(16) NOT NULL DEFAULT (\'Pending\'), "job_id" varchar(255), "external" boolean NOT NULL DEFAULT (0), "only_missing_predictions" boolean NOT NULL DEFAULT (0), "total_tasks" integer NOT NULL DEFAULT (0), "total_predictions" integer NOT NULL DEFAULT (0), "total_correct_predictions" integer NOT NULL DEFAULT (0), "total_failed_predictions" integer NOT NULL DEFAULT (0), "total_cost_usd" double precision NOT NULL DEFAULT (0), "error_message" text, "triggered_at" datetime, "completed_at" datetime, "predictions_updated_at" datetime, "created_at" datetime NOT NULL DEFAULT (datetime(\'now\')), CONSTRAINT "FK_cc8a3c6c7f99ae94546d6b61bc5" FOREIGN KEY ("organization_id") REFERENCES "organization" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_df66b1c16d56c43653dafe05405" FOREIGN KEY ("prompt_id") REFERENCES "model_interface" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_9134a8d409b79ca3cd8f726d09d" FOREIGN KEY ("version_id") REFERENCES "third_party_model_version" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_a53aa18a498d721be8039bbf853" FOREIGN KEY ("project_id") REFERENCES "project" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_6068c1165da149ac2142f1e33d4" FOREIGN KEY ("created_by_id") REFERENCES "htx_user" ("id") ON DELETE SET NULL ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_model_run"("id", "organization_id", "prompt_id", "version_id", "project_id", "created_by_id", "project_subset", "status", "job_id", "external", "only_missing_predictions", "total_tasks", "total_predictions", "total_correct_predictions", "total_failed_predictions", "total_cost_usd", "error_message", "triggered_at", "completed_at", "predictions_updated_at", "created_at") SELECT "id", "organization_id", "prompt_id", "version_id", "project_id", "created_by_id", "project_subset", "status", "job_id", "external", "only_missing_predictions", "total_tasks", "total_predictions", "total_correct_predictions", "total_failed_predictions", "total_cost_usd", "error_message", "triggered_at", "completed_at", "predictions_updated_at", "created_at" FROM "model_run"',
    );
    await queryRunner.query('DROP TABLE "model_run"');
    await queryRunner.query('ALTER TABLE "temporary_model_run" RENAME TO "model_run"');
    await queryRunner.query(
      'CREATE INDEX "IDX_a53aa18a498d721be8039bbf85" ON "model_run" ("project_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_c3a7864ece0c51b33003d30b88" ON "model_run" ("organization_id", "id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_dac28136ff04c6ebd7f4404c51" ON "model_run" ("version_id", "id") ',
    );
    await queryRunner.query('DROP INDEX "IDX_168ecb4b202c0631548dd81ed5"');
    await queryRunner.query('DROP INDEX "IDX_a50c82fa24148479214e5d287c"');
    await queryRunner.query(
      'CREATE TABLE "temporary_model_run_task" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "run_id" integer NOT NULL, "task_id" integer NOT NULL, "prediction_id" integer, "error" text, "correct" boolean, "cost_usd" double precision NOT NULL DEFAULT (0), "created_at" datetime NOT NULL DEFAULT (datetime(\'now\')), CONSTRAINT "FK_284900560d994015a42af3cbcab" FOREIGN KEY ("run_id") REFERENCES "model_run" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_168ecb4b202c0631548dd81ed5c" FOREIGN KEY ("task_id") REFERENCES "task" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_094cc4d2ea66795bc294960d6d3" FOREIGN KEY ("prediction_id") REFERENCES "prediction" ("id") ON DELETE SET NULL ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_model_run_task"("id", "run_id", "task_id", "prediction_id", "error", "correct", "cost_usd", "created_at") SELECT "id", "run_id", "task_id", "prediction_id", "error", "correct", "cost_usd", "created_at" FROM "model_run_task"',
    );
    await queryRunner.query('DROP TABLE "model_run_task"');
    await queryRunner.query('ALTER TABLE "temporary_model_run_task" RENAME TO "model_run_task"');
    await queryRunner.query(
      'CREATE INDEX "IDX_168ecb4b202c0631548dd81ed5" ON "model_run_task" ("task_id") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_a50c82fa24148479214e5d287c" ON "model_run_task" ("run_id", "task_id") ',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "IDX_a50c82fa24148479214e5d287c"');
    await queryRunner.query('DROP INDEX "IDX_168ecb4b202c0631548dd81ed5"');
    await queryRunner.query('ALTER TABLE "model_run_task" RENAME TO "temporary_model_run_task"');
    await queryRunner.query(
      'CREATE TABLE "model_run_task" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "run_id" integer NOT NULL, "task_id" integer NOT NULL, "prediction_id" integer, "error" text, "correct" boolean, "cost_usd" double precision NOT NULL DEFAULT (0), "created_at" datetime NOT NULL DEFAULT (datetime(\'now\')))',
    );
    await queryRunner.query(
      'INSERT INTO "model_run_task"("id", "run_id", "task_id", "prediction_id", "error", "correct", "cost_usd", "created_at") SELECT "id", "run_id", "task_id", "prediction_id", "error", "correct", "cost_usd", "created_at" FROM "temporary_model_run_task"',
    );
    await queryRunner.query('DROP TABLE "temporary_model_run_task"');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_a50c82fa24148479214e5d287c" ON "model_run_task" ("run_id", "task_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_168ecb4b202c0631548dd81ed5" ON "model_run_task" ("task_id") ',
    );
    await queryRunner.query('DROP INDEX "IDX_dac28136ff04c6ebd7f4404c51"');
    await queryRunner.query('DROP INDEX "IDX_c3a7864ece0c51b33003d30b88"');
    await queryRunner.query('DROP INDEX "IDX_a53aa18a498d721be8039bbf85"');
    await queryRunner.query('ALTER TABLE "model_run" RENAME TO "temporary_model_run"');
    await queryRunner.query(
      'CREATE TABLE "model_run" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "organization_id" integer NOT NULL, "prompt_id" integer NOT NULL, "version_id" integer NOT NULL, "project_id" integer NOT NULL, "created_by_id" integer, "project_subset" varchar(16) NOT NULL DEFAULT (\'All\'), "status" varchar(16) NOT NULL DEFAULT (\'Pending\'), "job_id" varchar(255), "external" boolean NOT NULL DEFAULT (0), "only_missing_predictions" boolean NOT NULL DEFAULT (0), "total_tasks" integer NOT NULL DEFAULT (0), "total_predictions" integer NOT NULL DEFAULT (0), "total_correct_predictions" integer NOT NULL DEFAULT (0), "total_failed_predictions" integer NOT NULL DEFAULT (0), "total_cost_usd" double precision NOT NULL DEFAULT (0), "error_message" text, "triggered_at" datetime, "completed_at" datetime, "predictions_updated_at" datetime, "created_at" datetime NOT NULL DEFAULT (datetime(\'now\')))',
    );
    await queryRunner.query(
      'INSERT INTO "model_run"("id", "organization_id", "prompt_id", "version_id", "project_id", "created_by_id", "project_subset", "status", "job_id", "external", "only_missing_predictions", "total_tasks", "total_predictions", "total_correct_predictions", "total_failed_predictions", "total_cost_usd", "error_message", "triggered_at", "completed_at", "predictions_updated_at", "created_at") SELECT "id", "organization_id", "prompt_id", "version_id", "project_id", "created_by_id", "project_subset", "status", "job_id", "external", "only_missing_predictions", "total_tasks", "total_predictions", "total_correct_predictions", "total_failed_predictions", "total_cost_usd", "error_message", "triggered_at", "completed_at", "predictions_updated_at", "created_at" FROM "temporary_model_run"',
    );
    await queryRunner.query('DROP TABLE "temporary_model_run"');
    await queryRunner.query(
      'CREATE INDEX "IDX_dac28136ff04c6ebd7f4404c51" ON "model_run" ("version_id", "id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_c3a7864ece0c51b33003d30b88" ON "model_run" ("organization_id", "id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_a53aa18a498d721be8039bbf85" ON "model_run" ("project_id") ',
    );
    await queryRunner.query('DROP INDEX "IDX_a50c82fa24148479214e5d287c"');
    await queryRunner.query('DROP INDEX "IDX_168ecb4b202c0631548dd81ed5"');
    await queryRunner.query('DROP TABLE "model_run_task"');
    await queryRunner.query('DROP INDEX "IDX_dac28136ff04c6ebd7f4404c51"');
    await queryRunner.query('DROP INDEX "IDX_c3a7864ece0c51b33003d30b88"');
    await queryRunner.query('DROP INDEX "IDX_a53aa18a498d721be8039bbf85"');
    await queryRunner.query('DROP TABLE "model_run"');
  }
}
