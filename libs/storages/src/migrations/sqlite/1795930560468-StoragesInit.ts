import { MigrationInterface, QueryRunner } from 'typeorm';

export class StoragesInitSqlite1795930560468 implements MigrationInterface {
  name = 'StoragesInitSqlite1795930560468';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "project_import" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "project_id" integer NOT NULL, "status" varchar(16) NOT NULL DEFAULT (\'created\'), "commit_to_project" boolean NOT NULL DEFAULT (1), "return_task_ids" boolean NOT NULL DEFAULT (0), "preannotated_from_fields" text, "url" text, "error" text, "task_count" integer NOT NULL DEFAULT (0), "annotation_count" integer NOT NULL DEFAULT (0), "prediction_count" integer NOT NULL DEFAULT (0), "duration" integer NOT NULL DEFAULT (0), "file_upload_ids" text NOT NULL, "could_be_tasks_list" boolean NOT NULL DEFAULT (0), "found_formats" text NOT NULL, "data_columns" text NOT NULL, "task_ids" text NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime(\'now\')), "updated_at" datetime NOT NULL DEFAULT (datetime(\'now\')), "finished_at" datetime)',
    );
    await queryRunner.query(
      'CREATE TABLE "temporary_project_import" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "project_id" integer NOT NULL, "status" varchar(16) NOT NULL DEFAULT (\'created\'), "commit_to_project" boolean NOT NULL DEFAULT (1), "return_task_ids" boolean NOT NULL DEFAULT (0), "preannotated_from_fields" text, "url" text, "error" text, "task_count" integer NOT NULL DEFAULT (0), "annotation_count" integer NOT NULL DEFAULT (0), "prediction_count" integer NOT NULL DEFAULT (0), "duration" integer NOT NULL DEFAULT (0), "file_upload_ids" text NOT NULL, "could_be_tasks_list" boolean NOT NULL DEFAULT (0), "found_formats" text NOT NULL, "data_columns" text NOT NULL, "task_ids" text NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime(\'now\')), "updated_at" datetime NOT NULL DEFAULT (datetime(\'now\')), "finished_at" datetime, CONSTRAINT "FK_15b3f9ebf2d22db1d913aee5786" FOREIGN KEY ("project_id") REFERENCES "project" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_project_import"("id", "project_id", "status", "commit_to_project", "return_task_ids", "preannotated_from_fields", "url", "error", "task_count", "annotation_count", "prediction_count", "duration", "file_upload_ids", "could_be_tasks_list", "found_formats", "data_columns", "task_ids", "created_at", "updated_at", "finished_at") SELECT "id", "project_id", "status", "commit_to_project", "return_task_ids", "preannotated_from_fields", "url", "error", "task_count", "annotation_count", "prediction_count", "duration", "file_upload_ids", "could_be_tasks_list", "found_formats", "data_columns", "task_ids", "created_at", "updated_at", "finished_at" FROM "project_import"',
    );
    await queryRunner.query('DROP TABLE "project_import"');
    await queryRunner.query('ALTER TABLE "temporary_project_import" RENAME TO "project_import"');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "project_import" RENAME TO "temporary_project_import"');
    await queryRunner.query(
      'CREATE TABLE "project_import" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "project_id" integer NOT NULL, "status" varchar(16) NOT NULL DEFAULT (\'created\'), "commit_to_project" boolean NOT NULL DEFAULT (1), "return_task_ids" boolean NOT NULL DEFAULT (0), "preannotated_from_fields" text, "url" text, "error" text, "task_count" integer NOT NULL DEFAULT (0), "annotation_count" integer NOT NULL DEFAULT (0), "prediction_count" integer NOT NULL DEFAULT (0), "duration" integer NOT NULL DEFAULT (0), "file_upload_ids" text NOT NULL, "could_be_tasks_list" boolean NOT NULL DEFAULT (0), "found_formats" text NOT NULL, "data_columns" text NOT NULL, "task_ids" text NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime(\'now\')), "updated_at" datetime NOT NULL DEFAULT (datetime(\'now\')), "finished_at" datetime)',
    );
    await queryRunner.query(
      'INSERT INTO "project_import"("id", "project_id", "status", "commit_to_project", "return_task_ids", "preannotated_from_fields", "url", "error", "task_count", "annotation_count", "prediction_count", "duration", "file_upload_ids", "could_be_tasks_list", "found_formats", "data_columns", "task_ids", "created_at", "updated_at", "finished_at") SELECT "id", "project_id", "status", "commit_to_project", "return_task_ids", "preannotated_from_fields", "url", "error", "task_count", "annotation_count", "prediction_count", "duration", "file_upload_ids", "could_be_tasks_list", "found_formats", "data_columns", "task_ids", "created_at", "updated_at", "finished_at" FROM "temporary_project_import"',
    );
    await queryRunner.query('DROP TABLE "temporary_project_import"');
    await queryRunner.query('DROP TABLE "project_import"');
  }
}
