import { MigrationInterface, QueryRunner } from 'typeorm';

export class UploadsPostgres1795937127173 implements MigrationInterface {
  name = 'UploadsPostgres1795937127173';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "project_reimport" ("id" SERIAL NOT NULL, "project_id" integer NOT NULL, "status" character varying(16) NOT NULL DEFAULT \'created\', "error" text, "task_count" integer NOT NULL DEFAULT \'0\', "annotation_count" integer NOT NULL DEFAULT \'0\', "prediction_count" integer NOT NULL DEFAULT \'0\', "duration" integer NOT NULL DEFAULT \'0\', "file_upload_ids" jsonb NOT NULL, "files_as_tasks_list" boolean NOT NULL DEFAULT true, "found_formats" jsonb NOT NULL, "data_columns" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "finished_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_be592f49a67a08e612534cf9b79" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "file_upload" ("id" SERIAL NOT NULL, "project_id" integer NOT NULL, "user_id" integer, "file" character varying(1024) NOT NULL, "size" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_c15502f94601cc809ac05e85f3c" UNIQUE ("file"), CONSTRAINT "PK_bb8460e39fcad3aaa44d1d7e5d3" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_985e48865d116870dbb887db76" ON "file_upload" ("project_id", "user_id") ',
    );
    await queryRunner.query(
      'ALTER TABLE "project_reimport" ADD CONSTRAINT "FK_42bf042126a3a2fdfbf72b8271b" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "file_upload" ADD CONSTRAINT "FK_3f32ba46058f78caa1d226b8cc6" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "file_upload" ADD CONSTRAINT "FK_40967688773902853c80367355f" FOREIGN KEY ("user_id") REFERENCES "htx_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "file_upload" DROP CONSTRAINT "FK_40967688773902853c80367355f"',
    );
    await queryRunner.query(
      'ALTER TABLE "file_upload" DROP CONSTRAINT "FK_3f32ba46058f78caa1d226b8cc6"',
    );
    await queryRunner.query(
      'ALTER TABLE "project_reimport" DROP CONSTRAINT "FK_42bf042126a3a2fdfbf72b8271b"',
    );
    await queryRunner.query('DROP INDEX "public"."IDX_985e48865d116870dbb887db76"');
    await queryRunner.query('DROP TABLE "file_upload"');
    await queryRunner.query('DROP TABLE "project_reimport"');
  }
}
