import { MigrationInterface, QueryRunner } from 'typeorm';

export class CloudStoragesPostgres1796209470114 implements MigrationInterface {
  name = 'CloudStoragesPostgres1796209470114';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "io_storage" ("id" SERIAL NOT NULL, "project_id" integer NOT NULL, "direction" character varying(8) NOT NULL, "type" character varying(32) NOT NULL, "title" character varying(256), "description" text, "settings" jsonb NOT NULL, "sealed_secrets" text, "synchronizable" boolean NOT NULL DEFAULT true, "status" character varying(32) NOT NULL DEFAULT \'initialized\', "last_sync" TIMESTAMP WITH TIME ZONE, "last_sync_count" integer, "last_sync_job" character varying(256), "traceback" text, "meta" jsonb NOT NULL, "sync_marker" jsonb, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ea137239a440453c3dfcf998112" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_d0484c14eece1e18d16f07da67" ON "io_storage" ("project_id", "direction", "type") ',
    );
    await queryRunner.query(
      'CREATE TABLE "io_storage_export_link" ("id" SERIAL NOT NULL, "storage_id" integer NOT NULL, "annotation_id" integer NOT NULL, "key" character varying(2048) NOT NULL, "annotation_updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e45c9d14f27520c76714e69ebbb" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_449d1a8beb61d99615d9e7194f" ON "io_storage_export_link" ("storage_id", "annotation_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "io_storage_import_link" ("id" SERIAL NOT NULL, "storage_id" integer NOT NULL, "task_id" integer NOT NULL, "key" character varying(2048) NOT NULL, "row_index" integer NOT NULL DEFAULT \'-1\', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_2c7cd1f54d01cf9d358a3b9b089" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_fd34cd14143d02a1b988e55bcf" ON "io_storage_import_link" ("task_id") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_aecb76d19204fd70edee2c30ee" ON "io_storage_import_link" ("storage_id", "key", "row_index") ',
    );
    await queryRunner.query(
      'ALTER TABLE "io_storage" ADD CONSTRAINT "FK_5aaa885b87e3f57e5f36324900a" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "io_storage_export_link" ADD CONSTRAINT "FK_ffb7636b28ed1e0586f24fb23dc" FOREIGN KEY ("storage_id") REFERENCES "io_storage"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "io_storage_import_link" ADD CONSTRAINT "FK_9b1cad5691e58566a33f6b29822" FOREIGN KEY ("storage_id") REFERENCES "io_storage"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "io_storage_import_link" ADD CONSTRAINT "FK_fd34cd14143d02a1b988e55bcf0" FOREIGN KEY ("task_id") REFERENCES "task"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "io_storage_import_link" DROP CONSTRAINT "FK_fd34cd14143d02a1b988e55bcf0"',
    );
    await queryRunner.query(
      'ALTER TABLE "io_storage_import_link" DROP CONSTRAINT "FK_9b1cad5691e58566a33f6b29822"',
    );
    await queryRunner.query(
      'ALTER TABLE "io_storage_export_link" DROP CONSTRAINT "FK_ffb7636b28ed1e0586f24fb23dc"',
    );
    await queryRunner.query(
      'ALTER TABLE "io_storage" DROP CONSTRAINT "FK_5aaa885b87e3f57e5f36324900a"',
    );
    await queryRunner.query('DROP INDEX "public"."IDX_aecb76d19204fd70edee2c30ee"');
    await queryRunner.query('DROP INDEX "public"."IDX_fd34cd14143d02a1b988e55bcf"');
    await queryRunner.query('DROP TABLE "io_storage_import_link"');
    await queryRunner.query('DROP INDEX "public"."IDX_449d1a8beb61d99615d9e7194f"');
    await queryRunner.query('DROP TABLE "io_storage_export_link"');
    await queryRunner.query('DROP INDEX "public"."IDX_d0484c14eece1e18d16f07da67"');
    await queryRunner.query('DROP TABLE "io_storage"');
  }
}
