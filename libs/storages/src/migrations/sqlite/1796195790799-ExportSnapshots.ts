import { MigrationInterface, QueryRunner } from 'typeorm';

export class ExportSnapshotsSqlite1796195790799 implements MigrationInterface {
  name = 'ExportSnapshotsSqlite1796195790799';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "export_converted_format" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "export_id" integer NOT NULL, "export_type" varchar(64) NOT NULL, "status" varchar(16) NOT NULL DEFAULT (\'created\'), "download_resources" boolean NOT NULL DEFAULT (0), "file" varchar(1024), "traceback" text, "created_at" datetime NOT NULL DEFAULT (datetime(\'now\')), "updated_at" datetime NOT NULL DEFAULT (datetime(\'now\')))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_153972ed05b7eecb9deb6eabbf" ON "export_converted_format" ("export_id", "export_type") ',
    );
    await queryRunner.query(
      'CREATE TABLE "export_snapshot" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "project_id" integer NOT NULL, "title" varchar(2048) NOT NULL DEFAULT (\'\'), "created_by_id" integer, "status" varchar(16) NOT NULL DEFAULT (\'created\'), "md5" varchar(128) NOT NULL DEFAULT (\'\'), "counters" text NOT NULL, "options" text NOT NULL, "file" varchar(1024), "error" text, "created_at" datetime NOT NULL DEFAULT (datetime(\'now\')), "updated_at" datetime NOT NULL DEFAULT (datetime(\'now\')), "finished_at" datetime)',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_bf6d6339ce1dc7a6bd8c381a15" ON "export_snapshot" ("project_id", "created_at") ',
    );
    await queryRunner.query('DROP INDEX "IDX_153972ed05b7eecb9deb6eabbf"');
    await queryRunner.query(
      'CREATE TABLE "temporary_export_converted_format" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "export_id" integer NOT NULL, "export_type" varchar(64) NOT NULL, "status" varchar(16) NOT NULL DEFAULT (\'created\'), "download_resources" boolean NOT NULL DEFAULT (0), "file" varchar(1024), "traceback" text, "created_at" datetime NOT NULL DEFAULT (datetime(\'now\')), "updated_at" datetime NOT NULL DEFAULT (datetime(\'now\')), CONSTRAINT "FK_64f8bbaaf860ddbce3a72b4c09d" FOREIGN KEY ("export_id") REFERENCES "export_snapshot" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_export_converted_format"("id", "export_id", "export_type", "status", "download_resources", "file", "traceback", "created_at", "updated_at") SELECT "id", "export_id", "export_type", "status", "download_resources", "file", "traceback", "created_at", "updated_at" FROM "export_converted_format"',
    );
    await queryRunner.query('DROP TABLE "export_converted_format"');
    await queryRunner.query(
      'ALTER TABLE "temporary_export_converted_format" RENAME TO "export_converted_format"',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_153972ed05b7eecb9deb6eabbf" ON "export_converted_format" ("export_id", "export_type") ',
    );
    await queryRunner.query('DROP INDEX "IDX_bf6d6339ce1dc7a6bd8c381a15"');
    await queryRunner.query(
      'CREATE TABLE "temporary_export_snapshot" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "project_id" integer NOT NULL, "title" varchar(2048) NOT NULL DEFAULT (\'\'), "created_by_id" integer, "status" varchar(16) NOT NULL DEFAULT (\'created\'), "md5" varchar(128) NOT NULL DEFAULT (\'\'), "counters" text NOT NULL, "options" text NOT NULL, "file" varchar(1024), "error" text, "created_at" datetime NOT NULL DEFAULT (datetime(\'now\')), "updated_at" datetime NOT NULL DEFAULT (datetime(\'now\')), "finished_at" datetime, CONSTRAINT "FK_bf339b69a8453d8514537fab09f" FOREIGN KEY ("project_id") REFERENCES "project" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_e4041c18fea0af95f43261ae691" FOREIGN KEY ("created_by_id") REFERENCES "htx_user" ("id") ON DELETE SET NULL ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_export_snapshot"("id", "project_id", "title", "created_by_id", "status", "md5", "counters", "options", "file", "error", "created_at", "updated_at", "finished_at") SELECT "id", "project_id", "title", "created_by_id", "status", "md5", "counters", "options", "file", "error", "created_at", "updated_at", "finished_at" FROM "export_snapshot"',
    );
    await queryRunner.query('DROP TABLE "export_snapshot"');
    await queryRunner.query('ALTER TABLE "temporary_export_snapshot" RENAME TO "export_snapshot"');
    await queryRunner.query(
      'CREATE INDEX "IDX_bf6d6339ce1dc7a6bd8c381a15" ON "export_snapshot" ("project_id", "created_at") ',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "IDX_bf6d6339ce1dc7a6bd8c381a15"');
    await queryRunner.query('ALTER TABLE "export_snapshot" RENAME TO "temporary_export_snapshot"');
    await queryRunner.query(
      'CREATE TABLE "export_snapshot" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "project_id" integer NOT NULL, "title" varchar(2048) NOT NULL DEFAULT (\'\'), "created_by_id" integer, "status" varchar(16) NOT NULL DEFAULT (\'created\'), "md5" varchar(128) NOT NULL DEFAULT (\'\'), "counters" text NOT NULL, "options" text NOT NULL, "file" varchar(1024), "error" text, "created_at" datetime NOT NULL DEFAULT (datetime(\'now\')), "updated_at" datetime NOT NULL DEFAULT (datetime(\'now\')), "finished_at" datetime)',
    );
    await queryRunner.query(
      'INSERT INTO "export_snapshot"("id", "project_id", "title", "created_by_id", "status", "md5", "counters", "options", "file", "error", "created_at", "updated_at", "finished_at") SELECT "id", "project_id", "title", "created_by_id", "status", "md5", "counters", "options", "file", "error", "created_at", "updated_at", "finished_at" FROM "temporary_export_snapshot"',
    );
    await queryRunner.query('DROP TABLE "temporary_export_snapshot"');
    await queryRunner.query(
      'CREATE INDEX "IDX_bf6d6339ce1dc7a6bd8c381a15" ON "export_snapshot" ("project_id", "created_at") ',
    );
    await queryRunner.query('DROP INDEX "IDX_153972ed05b7eecb9deb6eabbf"');
    await queryRunner.query(
      'ALTER TABLE "export_converted_format" RENAME TO "temporary_export_converted_format"',
    );
    await queryRunner.query(
      'CREATE TABLE "export_converted_format" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "export_id" integer NOT NULL, "export_type" varchar(64) NOT NULL, "status" varchar(16) NOT NULL DEFAULT (\'created\'), "download_resources" boolean NOT NULL DEFAULT (0), "file" varchar(1024), "traceback" text, "created_at" datetime NOT NULL DEFAULT (datetime(\'now\')), "updated_at" datetime NOT NULL DEFAULT (datetime(\'now\')))',
    );
    await queryRunner.query(
      'INSERT INTO "export_converted_format"("id", "export_id", "export_type", "status", "download_resources", "file", "traceback", "created_at", "updated_at") SELECT "id", "export_id", "export_type", "status", "download_resources", "file", "traceback", "created_at", "updated_at" FROM "temporary_export_converted_format"',
    );
    await queryRunner.query('DROP TABLE "temporary_export_converted_format"');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_153972ed05b7eecb9deb6eabbf" ON "export_converted_format" ("export_id", "export_type") ',
    );
    await queryRunner.query('DROP INDEX "IDX_bf6d6339ce1dc7a6bd8c381a15"');
    await queryRunner.query('DROP TABLE "export_snapshot"');
    await queryRunner.query('DROP INDEX "IDX_153972ed05b7eecb9deb6eabbf"');
    await queryRunner.query('DROP TABLE "export_converted_format"');
  }
}
