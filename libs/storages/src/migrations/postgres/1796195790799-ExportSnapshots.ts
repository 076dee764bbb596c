import { MigrationInterface, QueryRunner } from 'typeorm';

export class ExportSnapshotsPostgres1796195790799 implements MigrationInterface {
  name = 'ExportSnapshotsPostgres1796195790799';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "export_converted_format" ("id" SERIAL NOT NULL, "export_id" integer NOT NULL, "export_type" character varying(64) NOT NULL, "status" character varying(16) NOT NULL DEFAULT \'created\', "download_resources" boolean NOT NULL DEFAULT false, "file" character varying(1024), "traceback" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6e4a7a0e8f8857e85058b77d9f2" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_153972ed05b7eecb9deb6eabbf" ON "export_converted_format" ("export_id", "export_type") ',
    );
    await queryRunner.query(
      'CREATE TABLE "export_snapshot" ("id" SERIAL NOT NULL, "project_id" integer NOT NULL, "title" character varying(2048) NOT NULL DEFAULT \'\', "created_by_id" integer, "status" character varying(16) NOT NULL DEFAULT \'created\', "md5" character varying(128) NOT NULL DEFAULT \'\', "counters" jsonb NOT NULL, "options" jsonb NOT NULL, "file" character varying(1024), "error" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "finished_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_00351ae15c79d263e03fb6f402a" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_bf6d6339ce1dc7a6bd8c381a15" ON "export_snapshot" ("project_id", "created_at") ',
    );
    await queryRunner.query(
      'ALTER TABLE "export_converted_format" ADD CONSTRAINT "FK_64f8bbaaf860ddbce3a72b4c09d" FOREIGN KEY ("export_id") REFERENCES "export_snapshot"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "export_snapshot" ADD CONSTRAINT "FK_bf339b69a8453d8514537fab09f" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "export_snapshot" ADD CONSTRAINT "FK_e4041c18fea0af95f43261ae691" FOREIGN KEY ("created_by_id") REFERENCES "htx_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "export_snapshot" DROP CONSTRAINT "FK_e4041c18fea0af95f43261ae691"',
    );
    await queryRunner.query(
      'ALTER TABLE "export_snapshot" DROP CONSTRAINT "FK_bf339b69a8453d8514537fab09f"',
    );
    await queryRunner.query(
      'ALTER TABLE "export_converted_format" DROP CONSTRAINT "FK_64f8bbaaf860ddbce3a72b4c09d"',
    );
    await queryRunner.query('DROP INDEX "public"."IDX_bf6d6339ce1dc7a6bd8c381a15"');
    await queryRunner.query('DROP TABLE "export_snapshot"');
    await queryRunner.query('DROP INDEX "public"."IDX_153972ed05b7eecb9deb6eabbf"');
    await queryRunner.query('DROP TABLE "export_converted_format"');
  }
}
