import { MigrationInterface, QueryRunner } from 'typeorm';

export class LabelStreamHistoryPostgres1796300000400 implements MigrationInterface {
  name = 'LabelStreamHistoryPostgres1796300000400';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "label_stream_history" ("id" SERIAL NOT NULL, "user_id" integer NOT NULL, "project_id" integer NOT NULL, "task_id" integer NOT NULL, "annotation_id" integer, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_label_stream_history" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_label_stream_history_annotation" ON "label_stream_history" ("annotation_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_label_stream_history_user_project" ON "label_stream_history" ("user_id", "project_id", "id") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_label_stream_history_task_user" ON "label_stream_history" ("task_id", "user_id") ',
    );
    await queryRunner.query(
      'ALTER TABLE "label_stream_history" ADD CONSTRAINT "FK_label_stream_history_user" FOREIGN KEY ("user_id") REFERENCES "htx_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "label_stream_history" ADD CONSTRAINT "FK_label_stream_history_task" FOREIGN KEY ("task_id") REFERENCES "task"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "label_stream_history" ADD CONSTRAINT "FK_label_stream_history_annotation" FOREIGN KEY ("annotation_id") REFERENCES "annotation"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "label_stream_history" DROP CONSTRAINT "FK_label_stream_history_annotation"',
    );
    await queryRunner.query(
      'ALTER TABLE "label_stream_history" DROP CONSTRAINT "FK_label_stream_history_task"',
    );
    await queryRunner.query(
      'ALTER TABLE "label_stream_history" DROP CONSTRAINT "FK_label_stream_history_user"',
    );
    await queryRunner.query('DROP INDEX "public"."IDX_label_stream_history_task_user"');
    await queryRunner.query('DROP INDEX "public"."IDX_label_stream_history_user_project"');
    await queryRunner.query('DROP INDEX "public"."IDX_label_stream_history_annotation"');
    await queryRunner.query('DROP TABLE "label_stream_history"');
  }
}
