import { MigrationInterface, QueryRunner } from 'typeorm';

export class UploadsSqlite1795937127173 implements MigrationInterface {
  name = 'UploadsSqlite1795937127173';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "project_reimport" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "project_id" integer NOT NULL, "status" varchar(16) NOT NULL DEFAULT (\'created\'), "error" text, "task_count" integer NOT NULL DEFAULT (0), "annotation_count" integer NOT NULL DEFAULT (0), "prediction_count" integer NOT NULL DEFAULT (0), "duration" integer NOT NULL DEFAULT (0), "file_upload_ids" text NOT NULL, "files_as_tasks_list" boolean NOT NULL DEFAULT (1), "found_formats" text NOT NULL, "data_columns" text NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime(\'now\')), "updated_at" datetime NOT NULL DEFAULT (datetime(\'now\')), "finished_at" datetime)',
    );
    await queryRunner.query(
      'CREATE TABLE "file_upload" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "project_id" integer NOT NULL, "user_id" integer, "file" varchar(1024) NOT NULL, "size" integer NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime(\'now\')), CONSTRAINT "UQ_c15502f94601cc809ac05e85f3c" UNIQUE ("file"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_985e48865d116870dbb887db76" ON "file_upload" ("project_id", "user_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "temporary_project_reimport" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "project_id" integer NOT NULL, "status" varchar(16) NOT NULL DEFAULT (\'created\'), "error" text, "task_count" integer NOT NULL DEFAULT (0), "annotation_count" integer NOT NULL DEFAULT (0), "prediction_count" integer NOT NULL DEFAULT (0), "duration" integer NOT NULL DEFAULT (0), "file_upload_ids" text NOT NULL, "files_as_tasks_list" boolean NOT NULL DEFAULT (1), "found_formats" text NOT NULL, "data_columns" text NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime(\'now\')), "updated_at" datetime NOT NULL DEFAULT (datetime(\'now\')), "finished_at" datetime, CONSTRAINT "FK_42bf042126a3a2fdfbf72b8271b" FOREIGN KEY ("project_id") REFERENCES "project" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_project_reimport"("id", "project_id", "status", "error", "task_count", "annotation_count", "prediction_count", "duration", "file_upload_ids", "files_as_tasks_list", "found_formats", "data_columns", "created_at", "updated_at", "finished_at") SELECT "id", "project_id", "status", "error", "task_count", "annotation_count", "prediction_count", "duration", "file_upload_ids", "files_as_tasks_list", "found_formats", "data_columns", "created_at", "updated_at", "finished_at" FROM "project_reimport"',
    );
    await queryRunner.query('DROP TABLE "project_reimport"');
    await queryRunner.query(
      'ALTER TABLE "temporary_project_reimport" RENAME TO "project_reimport"',
    );
    await queryRunner.query('DROP INDEX "IDX_985e48865d116870dbb887db76"');
    await queryRunner.query(
      'CREATE TABLE "temporary_file_upload" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "project_id" integer NOT NULL, "user_id" integer, "file" varchar(1024) NOT NULL, "size" integer NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime(\'now\')), CONSTRAINT "UQ_c15502f94601cc809ac05e85f3c" UNIQUE ("file"), CONSTRAINT "FK_3f32ba46058f78caa1d226b8cc6" FOREIGN KEY ("project_id") REFERENCES "project" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_40967688773902853c80367355f" FOREIGN KEY ("user_id") REFERENCES "htx_user" ("id") ON DELETE SET NULL ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_file_upload"("id", "project_id", "user_id", "file", "size", "created_at") SELECT "id", "project_id", "user_id", "file", "size", "created_at" FROM "file_upload"',
    );
    await queryRunner.query('DROP TABLE "file_upload"');
    await queryRunner.query('ALTER TABLE "temporary_file_upload" RENAME TO "file_upload"');
    await queryRunner.query(
      'CREATE INDEX "IDX_985e48865d116870dbb887db76" ON "file_upload" ("project_id", "user_id") ',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "IDX_985e48865d116870dbb887db76"');
    await queryRunner.query('ALTER TABLE "file_upload" RENAME TO "temporary_file_upload"');
    await queryRunner.query(
      'CREATE TABLE "file_upload" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "project_id" integer NOT NULL, "user_id" integer, "file" varchar(1024) NOT NULL, "size" integer NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime(\'now\')), CONSTRAINT "UQ_c15502f94601cc809ac05e85f3c" UNIQUE ("file"))',
    );
    await queryRunner.query(
      'INSERT INTO "file_upload"("id", "project_id", "user_id", "file", "size", "created_at") SELECT "id", "project_id", "user_id", "file", "size", "created_at" FROM "temporary_file_upload"',
    );
    await queryRunner.query('DROP TABLE "temporary_file_upload"');
    await queryRunner.query(
      'CREATE INDEX "IDX_985e48865d116870dbb887db76" ON "file_upload" ("project_id", "user_id") ',
    );
    await queryRunner.query(
      'ALTER TABLE "project_reimport" RENAME TO "temporary_project_reimport"',
    );
    await queryRunner.query(
      'CREATE TABLE "project_reimport" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "project_id" integer NOT NULL, "status" varchar(16) NOT NULL DEFAULT (\'created\'), "error" text, "task_count" integer NOT NULL DEFAULT (0), "annotation_count" integer NOT NULL DEFAULT (0), "prediction_count" integer NOT NULL DEFAULT (0), "duration" integer NOT NULL DEFAULT (0), "file_upload_ids" text NOT NULL, "files_as_tasks_list" boolean NOT NULL DEFAULT (1), "found_formats" text NOT NULL, "data_columns" text NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime(\'now\')), "updated_at" datetime NOT NULL DEFAULT (datetime(\'now\')), "finished_at" datetime)',
    );
    await queryRunner.query(
      'INSERT INTO "project_reimport"("id", "project_id", "status", "error", "task_count", "annotation_count", "prediction_count", "duration", "file_upload_ids", "files_as_tasks_list", "found_formats", "data_columns", "created_at", "updated_at", "finished_at") SELECT "id", "project_id", "status", "error", "task_count", "annotation_count", "prediction_count", "duration", "file_upload_ids", "files_as_tasks_list", "found_formats", "data_columns", "created_at", "updated_at", "finished_at" FROM "temporary_project_reimport"',
    );
    await queryRunner.query('DROP TABLE "temporary_project_reimport"');
    await queryRunner.query('DROP INDEX "IDX_985e48865d116870dbb887db76"');
    await queryRunner.query('DROP TABLE "file_upload"');
    await queryRunner.query('DROP TABLE "project_reimport"');
  }
}
