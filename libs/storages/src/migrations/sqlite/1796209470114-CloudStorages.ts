import { MigrationInterface, QueryRunner } from 'typeorm';

export class CloudStoragesSqlite1796209470114 implements MigrationInterface {
  name = 'CloudStoragesSqlite1796209470114';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "io_storage" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "project_id" integer NOT NULL, "direction" varchar(8) NOT NULL, "type" varchar(32) NOT NULL, "title" varchar(256), "description" text, "settings" text NOT NULL, "sealed_secrets" text, "synchronizable" boolean NOT NULL DEFAULT (1), "status" varchar(32) NOT NULL DEFAULT (\'initialized\'), "last_sync" datetime, "last_sync_count" integer, "last_sync_job" varchar(256), "traceback" text, "meta" text NOT NULL, "sync_marker" text, "created_at" datetime NOT NULL DEFAULT (datetime(\'now\')), "updated_at" datetime NOT NULL DEFAULT (datetime(\'now\')))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_d0484c14eece1e18d16f07da67" ON "io_storage" ("project_id", "direction", "type") ',
    );
    await queryRunner.query(
      'CREATE TABLE "io_storage_export_link" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "storage_id" integer NOT NULL, "annotation_id" integer NOT NULL, "key" varchar(2048) NOT NULL, "annotation_updated_at" datetime NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime(\'now\')), "updated_at" datetime NOT NULL DEFAULT (datetime(\'now\')))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_449d1a8beb61d99615d9e7194f" ON "io_storage_export_link" ("storage_id", "annotation_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "io_storage_import_link" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "storage_id" integer NOT NULL, "task_id" integer NOT NULL, "key" varchar(2048) NOT NULL, "row_index" integer NOT NULL DEFAULT (-1), "created_at" datetime NOT NULL DEFAULT (datetime(\'now\')))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_fd34cd14143d02a1b988e55bcf" ON "io_storage_import_link" ("task_id") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_aecb76d19204fd70edee2c30ee" ON "io_storage_import_link" ("storage_id", "key", "row_index") ',
    );
    await queryRunner.query('DROP INDEX "IDX_d0484c14eece1e18d16f07da67"');
    await queryRunner.query(
      'CREATE TABLE "temporary_io_storage" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "project_id" integer NOT NULL, "direction" varchar(8) NOT NULL, "type" varchar(32) NOT NULL, "title" varchar(256), "description" text, "settings" text NOT NULL, "sealed_secrets" text, "synchronizable" boolean NOT NULL DEFAULT (1), "status" varchar(32) NOT NULL DEFAULT (\'initialized\'), "last_sync" datetime, "last_sync_count" integer, "last_sync_job" varchar(256), "traceback" text, "meta" text NOT NULL, "sync_marker" text, "created_at" datetime NOT NULL DEFAULT (datetime(\'now\')), "updated_at" datetime NOT NULL DEFAULT (datetime(\'now\')), CONSTRAINT "FK_5aaa885b87e3f57e5f36324900a" FOREIGN KEY ("project_id") REFERENCES "project" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_io_storage"("id", "project_id", "direction", "type", "title", "description", "settings", "sealed_secrets", "synchronizable", "status", "last_sync", "last_sync_count", "last_sync_job", "traceback", "meta", "sync_marker", "created_at", "updated_at") SELECT "id", "project_id", "direction", "type", "title", "description", "settings", "sealed_secrets", "synchronizable", "status", "last_sync", "last_sync_count", "last_sync_job", "traceback", "meta", "sync_marker", "created_at", "updated_at" FROM "io_storage"',
    );
    await queryRunner.query('DROP TABLE "io_storage"');
    await queryRunner.query('ALTER TABLE "temporary_io_storage" RENAME TO "io_storage"');
    await queryRunner.query(
      'CREATE INDEX "IDX_d0484c14eece1e18d16f07da67" ON "io_storage" ("project_id", "direction", "type") ',
    );
    await queryRunner.query('DROP INDEX "IDX_449d1a8beb61d99615d9e7194f"');
    await queryRunner.query(
      'CREATE TABLE "temporary_io_storage_export_link" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "storage_id" integer NOT NULL, "annotation_id" integer NOT NULL, "key" varchar(2048) NOT NULL, "annotation_updated_at" datetime NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime(\'now\')), "updated_at" datetime NOT NULL DEFAULT (datetime(\'now\')), CONSTRAINT "FK_ffb7636b28ed1e0586f24fb23dc" FOREIGN KEY ("storage_id") REFERENCES "io_storage" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_io_storage_export_link"("id", "storage_id", "annotation_id", "key", "annotation_updated_at", "created_at", "updated_at") SELECT "id", "storage_id", "annotation_id", "key", "annotation_updated_at", "created_at", "updated_at" FROM "io_storage_export_link"',
    );
    await queryRunner.query('DROP TABLE "io_storage_export_link"');
    await queryRunner.query(
      'ALTER TABLE "temporary_io_storage_export_link" RENAME TO "io_storage_export_link"',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_449d1a8beb61d99615d9e7194f" ON "io_storage_export_link" ("storage_id", "annotation_id") ',
    );
    await queryRunner.query('DROP INDEX "IDX_fd34cd14143d02a1b988e55bcf"');
    await queryRunner.query('DROP INDEX "IDX_aecb76d19204fd70edee2c30ee"');
    await queryRunner.query(
      'CREATE TABLE "temporary_io_storage_import_link" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "storage_id" integer NOT NULL, "task_id" integer NOT NULL, "key" varchar(2048) NOT NULL, "row_index" integer NOT NULL DEFAULT (-1), "created_at" datetime NOT NULL DEFAULT (datetime(\'now\')), CONSTRAINT "FK_9b1cad5691e58566a33f6b29822" FOREIGN KEY ("storage_id") REFERENCES "io_storage" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_fd34cd14143d02a1b988e55bcf0" FOREIGN KEY ("task_id") REFERENCES "task" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_io_storage_import_link"("id", "storage_id", "task_id", "key", "row_index", "created_at") SELECT "id", "storage_id", "task_id", "key", "row_index", "created_at" FROM "io_storage_import_link"',
    );
    await queryRunner.query('DROP TABLE "io_storage_import_link"');
    await queryRunner.query(
      'ALTER TABLE "temporary_io_storage_import_link" RENAME TO "io_storage_import_link"',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_fd34cd14143d02a1b988e55bcf" ON "io_storage_import_link" ("task_id") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_aecb76d19204fd70edee2c30ee" ON "io_storage_import_link" ("storage_id", "key", "row_index") ',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "IDX_aecb76d19204fd70edee2c30ee"');
    await queryRunner.query('DROP INDEX "IDX_fd34cd14143d02a1b988e55bcf"');
    await queryRunner.query(
      'ALTER TABLE "io_storage_import_link" RENAME TO "temporary_io_storage_import_link"',
    );
    await queryRunner.query(
      'CREATE TABLE "io_storage_import_link" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "storage_id" integer NOT NULL, "task_id" integer NOT NULL, "key" varchar(2048) NOT NULL, "row_index" integer NOT NULL DEFAULT (-1), "created_at" datetime NOT NULL DEFAULT (datetime(\'now\')))',
    );
    await queryRunner.query(
      'INSERT INTO "io_storage_import_link"("id", "storage_id", "task_id", "key", "row_index", "created_at") SELECT "id", "storage_id", "task_id", "key", "row_index", "created_at" FROM "temporary_io_storage_import_link"',
    );
    await queryRunner.query('DROP TABLE "temporary_io_storage_import_link"');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_aecb76d19204fd70edee2c30ee" ON "io_storage_import_link" ("storage_id", "key", "row_index") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_fd34cd14143d02a1b988e55bcf" ON "io_storage_import_link" ("task_id") ',
    );
    await queryRunner.query('DROP INDEX "IDX_449d1a8beb61d99615d9e7194f"');
    await queryRunner.query(
      'ALTER TABLE "io_storage_export_link" RENAME TO "temporary_io_storage_export_link"',
    );
    await queryRunner.query(
      'CREATE TABLE "io_storage_export_link" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "storage_id" integer NOT NULL, "annotation_id" integer NOT NULL, "key" varchar(2048) NOT NULL, "annotation_updated_at" datetime NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime(\'now\')), "updated_at" datetime NOT NULL DEFAULT (datetime(\'now\')))',
    );
    await queryRunner.query(
      'INSERT INTO "io_storage_export_link"("id", "storage_id", "annotation_id", "key", "annotation_updated_at", "created_at", "updated_at") SELECT "id", "storage_id", "annotation_id", "key", "annotation_updated_at", "created_at", "updated_at" FROM "temporary_io_storage_export_link"',
    );
    await queryRunner.query('DROP TABLE "temporary_io_storage_export_link"');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_449d1a8beb61d99615d9e7194f" ON "io_storage_export_link" ("storage_id", "annotation_id") ',
    );
    await queryRunner.query('DROP INDEX "IDX_d0484c14eece1e18d16f07da67"');
    await queryRunner.query('ALTER TABLE "io_storage" RENAME TO "temporary_io_storage"');
    await queryRunner.query(
      'CREATE TABLE "io_storage" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "project_id" integer NOT NULL, "direction" varchar(8) NOT NULL, "type" varchar(32) NOT NULL, "title" varchar(256), "description" text, "settings" text NOT NULL, "sealed_secrets" text, "synchronizable" boolean NOT NULL DEFAULT (1), "status" varchar(32) NOT NULL DEFAULT (\'initialized\'), "last_sync" datetime, "last_sync_count" integer, "last_sync_job" varchar(256), "traceback" text, "meta" text NOT NULL, "sync_marker" text, "created_at" datetime NOT NULL DEFAULT (datetime(\'now\')), "updated_at" datetime NOT NULL DEFAULT (datetime(\'now\')))',
    );
    await queryRunner.query(
      'INSERT INTO "io_storage"("id", "project_id", "direction", "type", "title", "description", "settings", "sealed_secrets", "synchronizable", "status", "last_sync", "last_sync_count", "last_sync_job", "traceback", "meta", "sync_marker", "created_at", "updated_at") SELECT "id", "project_id", "direction", "type", "title", "description", "settings", "sealed_secrets", "synchronizable", "status", "last_sync", "last_sync_count", "last_sync_job", "traceback", "meta", "sync_marker", "created_at", "updated_at" FROM "temporary_io_storage"',
    );
    await queryRunner.query('DROP TABLE "temporary_io_storage"');
    await queryRunner.query(
      'CREATE INDEX "IDX_d0484c14eece1e18d16f07da67" ON "io_storage" ("project_id", "direction", "type") ',
    );
    await queryRunner.query('DROP INDEX "IDX_aecb76d19204fd70edee2c30ee"');
    await queryRunner.query('DROP INDEX "IDX_fd34cd14143d02a1b988e55bcf"');
    await queryRunner.query('DROP TABLE "io_storage_import_link"');
    await queryRunner.query('DROP INDEX "IDX_449d1a8beb61d99615d9e7194f"');
    await queryRunner.query('DROP TABLE "io_storage_export_link"');
    await queryRunner.query('DROP INDEX "IDX_d0484c14eece1e18d16f07da67"');
    await queryRunner.query('DROP TABLE "io_storage"');
  }
}
