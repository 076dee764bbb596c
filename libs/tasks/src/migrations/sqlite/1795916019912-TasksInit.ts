import { MigrationInterface, QueryRunner } from 'typeorm';

export class TasksInitSqlite1795916019912 implements MigrationInterface {
  name = 'TasksInitSqlite1795916019912';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "task" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "project_id" integer NOT NULL, "inner_id" integer NOT NULL, "data" text NOT NULL, "meta" text, "created_at" datetime NOT NULL DEFAULT (datetime(\'now\')), "updated_at" datetime NOT NULL DEFAULT (datetime(\'now\')), "updated_by_id" integer, "is_labeled" boolean NOT NULL DEFAULT (0), "overlap" integer NOT NULL DEFAULT (1), "file_upload_id" integer, "storage_filename" text, "allow_skip" boolean NOT NULL DEFAULT (1), "total_annotations" integer NOT NULL DEFAULT (0), "cancelled_annotations" integer NOT NULL DEFAULT (0), "total_predictions" integer NOT NULL DEFAULT (0), "comment_count" integer NOT NULL DEFAULT (0), "unresolved_comment_count" integer NOT NULL DEFAULT (0), "last_comment_updated_at" datetime)',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_058e015f4e63adb58a9c5d171a" ON "task" ("project_id", "is_labeled") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_74fa666a5a34836576e99d303b" ON "task" ("project_id", "inner_id") ',
    );
    await queryRunner.query('DROP INDEX "IDX_058e015f4e63adb58a9c5d171a"');
    await queryRunner.query('DROP INDEX "IDX_74fa666a5a34836576e99d303b"');
    await queryRunner.query(
      'CREATE TABLE "temporary_task" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "project_id" integer NOT NULL, "inner_id" integer NOT NULL, "data" text NOT NULL, "meta" text, "created_at" datetime NOT NULL DEFAULT (datetime(\'now\')), "updated_at" datetime NOT NULL DEFAULT (datetime(\'now\')), "updated_by_id" integer, "is_labeled" boolean NOT NULL DEFAULT (0), "overlap" integer NOT NULL DEFAULT (1), "file_upload_id" integer, "storage_filename" text, "allow_skip" boolean NOT NULL DEFAULT (1), "total_annotations" integer NOT NULL DEFAULT (0), "cancelled_annotations" integer NOT NULL DEFAULT (0), "total_predictions" integer NOT NULL DEFAULT (0), "comment_count" integer NOT NULL DEFAULT (0), "unresolved_comment_count" integer NOT NULL DEFAULT (0), "last_comment_updated_at" datetime, CONSTRAINT "FK_1f53e7ffe94530f9e0221224d29" FOREIGN KEY ("project_id") REFERENCES "project" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_6d7d7ec563d82168d4741e947d8" FOREIGN KEY ("updated_by_id") REFERENCES "htx_user" ("id") ON DELETE SET NULL ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_task"("id", "project_id", "inner_id", "data", "meta", "created_at", "updated_at", "updated_by_id", "is_labeled", "overlap", "file_upload_id", "storage_filename", "allow_skip", "total_annotations", "cancelled_annotations", "total_predictions", "comment_count", "unresolved_comment_count", "last_comment_updated_at") SELECT "id", "project_id", "inner_id", "data", "meta", "created_at", "updated_at", "updated_by_id", "is_labeled", "overlap", "file_upload_id", "storage_filename", "allow_skip", "total_annotations", "cancelled_annotations", "total_predictions", "comment_count", "unresolved_comment_count", "last_comment_updated_at" FROM "task"',
    );
    await queryRunner.query('DROP TABLE "task"');
    await queryRunner.query('ALTER TABLE "temporary_task" RENAME TO "task"');
    await queryRunner.query(
      'CREATE INDEX "IDX_058e015f4e63adb58a9c5d171a" ON "task" ("project_id", "is_labeled") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_74fa666a5a34836576e99d303b" ON "task" ("project_id", "inner_id") ',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "IDX_74fa666a5a34836576e99d303b"');
    await queryRunner.query('DROP INDEX "IDX_058e015f4e63adb58a9c5d171a"');
    await queryRunner.query('ALTER TABLE "task" RENAME TO "temporary_task"');
    await queryRunner.query(
      'CREATE TABLE "task" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "project_id" integer NOT NULL, "inner_id" integer NOT NULL, "data" text NOT NULL, "meta" text, "created_at" datetime NOT NULL DEFAULT (datetime(\'now\')), "updated_at" datetime NOT NULL DEFAULT (datetime(\'now\')), "updated_by_id" integer, "is_labeled" boolean NOT NULL DEFAULT (0), "overlap" integer NOT NULL DEFAULT (1), "file_upload_id" integer, "storage_filename" text, "allow_skip" boolean NOT NULL DEFAULT (1), "total_annotations" integer NOT NULL DEFAULT (0), "cancelled_annotations" integer NOT NULL DEFAULT (0), "total_predictions" integer NOT NULL DEFAULT (0), "comment_count" integer NOT NULL DEFAULT (0), "unresolved_comment_count" integer NOT NULL DEFAULT (0), "last_comment_updated_at" datetime)',
    );
    await queryRunner.query(
      'INSERT INTO "task"("id", "project_id", "inner_id", "data", "meta", "created_at", "updated_at", "updated_by_id", "is_labeled", "overlap", "file_upload_id", "storage_filename", "allow_skip", "total_annotations", "cancelled_annotations", "total_predictions", "comment_count", "unresolved_comment_count", "last_comment_updated_at") SELECT "id", "project_id", "inner_id", "data", "meta", "created_at", "updated_at", "updated_by_id", "is_labeled", "overlap", "file_upload_id", "storage_filename", "allow_skip", "total_annotations", "cancelled_annotations", "total_predictions", "comment_count", "unresolved_comment_count", "last_comment_updated_at" FROM "temporary_task"',
    );
    await queryRunner.query('DROP TABLE "temporary_task"');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_74fa666a5a34836576e99d303b" ON "task" ("project_id", "inner_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_058e015f4e63adb58a9c5d171a" ON "task" ("project_id", "is_labeled") ',
    );
    await queryRunner.query('DROP INDEX "IDX_74fa666a5a34836576e99d303b"');
    await queryRunner.query('DROP INDEX "IDX_058e015f4e63adb58a9c5d171a"');
    await queryRunner.query('DROP TABLE "task"');
  }
}
