import { MigrationInterface, QueryRunner } from 'typeorm';

export class TasksInitPostgres1795916019912 implements MigrationInterface {
  name = 'TasksInitPostgres1795916019912';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "task" ("id" SERIAL NOT NULL, "project_id" integer NOT NULL, "inner_id" integer NOT NULL, "data" jsonb NOT NULL, "meta" jsonb, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_by_id" integer, "is_labeled" boolean NOT NULL DEFAULT false, "overlap" integer NOT NULL DEFAULT \'1\', "file_upload_id" integer, "storage_filename" text, "allow_skip" boolean NOT NULL DEFAULT true, "total_annotations" integer NOT NULL DEFAULT \'0\', "cancelled_annotations" integer NOT NULL DEFAULT \'0\', "total_predictions" integer NOT NULL DEFAULT \'0\', "comment_count" integer NOT NULL DEFAULT \'0\', "unresolved_comment_count" integer NOT NULL DEFAULT \'0\', "last_comment_updated_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_fb213f79ee45060ba925ecd576e" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_058e015f4e63adb58a9c5d171a" ON "task" ("project_id", "is_labeled") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_74fa666a5a34836576e99d303b" ON "task" ("project_id", "inner_id") ',
    );
    await queryRunner.query(
      'ALTER TABLE "task" ADD CONSTRAINT "FK_1f53e7ffe94530f9e0221224d29" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "task" ADD CONSTRAINT "FK_6d7d7ec563d82168d4741e947d8" FOREIGN KEY ("updated_by_id") REFERENCES "htx_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "task" DROP CONSTRAINT "FK_6d7d7ec563d82168d4741e947d8"');
    await queryRunner.query('ALTER TABLE "task" DROP CONSTRAINT "FK_1f53e7ffe94530f9e0221224d29"');
    await queryRunner.query('DROP INDEX "public"."IDX_74fa666a5a34836576e99d303b"');
    await queryRunner.query('DROP INDEX "public"."IDX_058e015f4e63adb58a9c5d171a"');
    await queryRunner.query('DROP TABLE "task"');
  }
}
