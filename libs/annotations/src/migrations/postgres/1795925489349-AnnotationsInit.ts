import { MigrationInterface, QueryRunner } from 'typeorm';

export class AnnotationsInitPostgres1795925489349 implements MigrationInterface {
  name = 'AnnotationsInitPostgres1795925489349';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "annotation" ("id" SERIAL NOT NULL, "result" jsonb, "task_id" integer NOT NULL, "project_id" integer NOT NULL, "completed_by_id" integer, "updated_by_id" integer, "was_cancelled" boolean NOT NULL DEFAULT false, "ground_truth" boolean NOT NULL DEFAULT false, "lead_time" double precision, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "draft_created_at" TIMESTAMP WITH TIME ZONE, "parent_prediction_id" integer, "parent_annotation_id" integer, "last_action" character varying(32), "last_created_by_id" integer, "import_id" bigint, "bulk_created" boolean DEFAULT false, "unique_id" character varying(64), CONSTRAINT "PK_ec39ebae82efb7cfc77302eb7b3" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_35f1f20e944d89123b02d94539" ON "annotation" ("unique_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_915356a715ecb7601d3ba26b14" ON "annotation" ("project_id", "was_cancelled", "ground_truth") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_2b9b5103e7fc30654bf7296d6c" ON "annotation" ("task_id", "completed_by_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "annotation_draft" ("id" SERIAL NOT NULL, "result" jsonb NOT NULL, "lead_time" double precision, "task_id" integer NOT NULL, "annotation_id" integer, "user_id" integer NOT NULL, "was_postponed" boolean NOT NULL DEFAULT false, "import_id" bigint, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a090545a2c6caddc123340172b3" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_8e0d3dae8ed53cce312f680a18" ON "annotation_draft" ("task_id", "user_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "prediction" ("id" SERIAL NOT NULL, "result" jsonb NOT NULL, "score" double precision, "model_version" character varying(255) NOT NULL DEFAULT \'\', "task_id" integer NOT NULL, "project_id" integer NOT NULL, "model_id" integer, "model_run_id" integer, "cluster" integer, "neighbors" jsonb, "mislabeling" double precision NOT NULL DEFAULT \'0\', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_23df2ceecea9f8bbb996ff056a3" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_7370bebb5fb90f2f36223e20ab" ON "prediction" ("task_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_b17663cf199c81dc9f0d4a9c1b" ON "prediction" ("project_id", "model_version") ',
    );
    await queryRunner.query(
      'CREATE TABLE "label" ("id" SERIAL NOT NULL, "organization_id" integer NOT NULL, "created_by_id" integer NOT NULL, "title" character varying(2048) NOT NULL, "description" text, "value" jsonb NOT NULL, "approved" boolean NOT NULL DEFAULT false, "approved_by_id" integer, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5692ac5348861d3776eb5843672" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_d5076f17e70c8e3da5d81dc498" ON "label" ("organization_id", "title") ',
    );
    await queryRunner.query(
      'CREATE TABLE "label_link" ("id" SERIAL NOT NULL, "project_id" integer NOT NULL, "label_id" integer NOT NULL, "from_name" character varying(2048) NOT NULL, CONSTRAINT "PK_bc068fe597f7ac60ecb61a84934" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_a9bb3d2d93d0fa10fb93db9e1f" ON "label_link" ("project_id", "label_id") ',
    );
    await queryRunner.query(
      'ALTER TABLE "annotation" ADD CONSTRAINT "FK_0a049eaf3e2fdbba2c3c5d0f007" FOREIGN KEY ("task_id") REFERENCES "task"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "annotation" ADD CONSTRAINT "FK_4552963d72177d801e8d871f30b" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "annotation" ADD CONSTRAINT "FK_a920f7046aa9961d149c78425fb" FOREIGN KEY ("completed_by_id") REFERENCES "htx_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "annotation_draft" ADD CONSTRAINT "FK_0377f3b617da98cd683a2f83a55" FOREIGN KEY ("task_id") REFERENCES "task"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "annotation_draft" ADD CONSTRAINT "FK_cdced376cb70fba2d46e9069126" FOREIGN KEY ("annotation_id") REFERENCES "annotation"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "prediction" ADD CONSTRAINT "FK_7370bebb5fb90f2f36223e20aba" FOREIGN KEY ("task_id") REFERENCES "task"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "prediction" ADD CONSTRAINT "FK_b3f3726a5282e4e92a7a311ddf2" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "label_link" ADD CONSTRAINT "FK_8b4b0acea02e30cc9fba222c4bc" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "label_link" ADD CONSTRAINT "FK_5a2754027b0f5d0c195a10669a2" FOREIGN KEY ("label_id") REFERENCES "label"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "label_link" DROP CONSTRAINT "FK_5a2754027b0f5d0c195a10669a2"',
    );
    await queryRunner.query(
      'ALTER TABLE "label_link" DROP CONSTRAINT "FK_8b4b0acea02e30cc9fba222c4bc"',
    );
    await queryRunner.query(
      'ALTER TABLE "prediction" DROP CONSTRAINT "FK_b3f3726a5282e4e92a7a311ddf2"',
    );
    await queryRunner.query(
      'ALTER TABLE "prediction" DROP CONSTRAINT "FK_7370bebb5fb90f2f36223e20aba"',
    );
    await queryRunner.query(
      'ALTER TABLE "annotation_draft" DROP CONSTRAINT "FK_cdced376cb70fba2d46e9069126"',
    );
    await queryRunner.query(
      'ALTER TABLE "annotation_draft" DROP CONSTRAINT "FK_0377f3b617da98cd683a2f83a55"',
    );
    await queryRunner.query(
      'ALTER TABLE "annotation" DROP CONSTRAINT "FK_a920f7046aa9961d149c78425fb"',
    );
    await queryRunner.query(
      'ALTER TABLE "annotation" DROP CONSTRAINT "FK_4552963d72177d801e8d871f30b"',
    );
    await queryRunner.query(
      'ALTER TABLE "annotation" DROP CONSTRAINT "FK_0a049eaf3e2fdbba2c3c5d0f007"',
    );
    await queryRunner.query('DROP INDEX "public"."IDX_a9bb3d2d93d0fa10fb93db9e1f"');
    await queryRunner.query('DROP TABLE "label_link"');
    await queryRunner.query('DROP INDEX "public"."IDX_d5076f17e70c8e3da5d81dc498"');
    await queryRunner.query('DROP TABLE "label"');
    await queryRunner.query('DROP INDEX "public"."IDX_b17663cf199c81dc9f0d4a9c1b"');
    await queryRunner.query('DROP INDEX "public"."IDX_7370bebb5fb90f2f36223e20ab"');
    await queryRunner.query('DROP TABLE "prediction"');
    await queryRunner.query('DROP INDEX "public"."IDX_8e0d3dae8ed53cce312f680a18"');
    await queryRunner.query('DROP TABLE "annotation_draft"');
    await queryRunner.query('DROP INDEX "public"."IDX_2b9b5103e7fc30654bf7296d6c"');
    await queryRunner.query('DROP INDEX "public"."IDX_915356a715ecb7601d3ba26b14"');
    await queryRunner.query('DROP INDEX "public"."IDX_35f1f20e944d89123b02d94539"');
    await queryRunner.query('DROP TABLE "annotation"');
  }
}
