import { MigrationInterface, QueryRunner } from 'typeorm';

export class AnnotationsInitSqlite1795925489349 implements MigrationInterface {
  name = 'AnnotationsInitSqlite1795925489349';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "annotation" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "result" text, "task_id" integer NOT NULL, "project_id" integer NOT NULL, "completed_by_id" integer, "updated_by_id" integer, "was_cancelled" boolean NOT NULL DEFAULT (0), "ground_truth" boolean NOT NULL DEFAULT (0), "lead_time" double precision, "created_at" datetime NOT NULL DEFAULT (datetime(\'now\')), "updated_at" datetime NOT NULL DEFAULT (datetime(\'now\')), "draft_created_at" datetime, "parent_prediction_id" integer, "parent_annotation_id" integer, "last_action" varchar(32), "last_created_by_id" integer, "import_id" bigint, "bulk_created" boolean DEFAULT (0), "unique_id" varchar(64))',
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
      'CREATE TABLE "annotation_draft" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "result" text NOT NULL, "lead_time" double precision, "task_id" integer NOT NULL, "annotation_id" integer, "user_id" integer NOT NULL, "was_postponed" boolean NOT NULL DEFAULT (0), "import_id" bigint, "created_at" datetime NOT NULL DEFAULT (datetime(\'now\')), "updated_at" datetime NOT NULL DEFAULT (datetime(\'now\')))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_8e0d3dae8ed53cce312f680a18" ON "annotation_draft" ("task_id", "user_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "prediction" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "result" text NOT NULL, "score" double precision, "model_version" varchar(255) NOT NULL DEFAULT (\'\'), "task_id" integer NOT NULL, "project_id" integer NOT NULL, "model_id" integer, "model_run_id" integer, "cluster" integer, "neighbors" text, "mislabeling" double precision NOT NULL DEFAULT (0), "created_at" datetime NOT NULL DEFAULT (datetime(\'now\')), "updated_at" datetime NOT NULL DEFAULT (datetime(\'now\')))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_7370bebb5fb90f2f36223e20ab" ON "prediction" ("task_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_b17663cf199c81dc9f0d4a9c1b" ON "prediction" ("project_id", "model_version") ',
    );
    await queryRunner.query(
      'CREATE TABLE "label" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "organization_id" integer NOT NULL, "created_by_id" integer NOT NULL, "title" varchar(2048) NOT NULL, "description" text, "value" text NOT NULL, "approved" boolean NOT NULL DEFAULT (0), "approved_by_id" integer, "created_at" datetime NOT NULL DEFAULT (datetime(\'now\')), "updated_at" datetime NOT NULL DEFAULT (datetime(\'now\')))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_d5076f17e70c8e3da5d81dc498" ON "label" ("organization_id", "title") ',
    );
    await queryRunner.query(
      'CREATE TABLE "label_link" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "project_id" integer NOT NULL, "label_id" integer NOT NULL, "from_name" varchar(2048) NOT NULL)',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_a9bb3d2d93d0fa10fb93db9e1f" ON "label_link" ("project_id", "label_id") ',
    );
    await queryRunner.query('DROP INDEX "IDX_35f1f20e944d89123b02d94539"');
    await queryRunner.query('DROP INDEX "IDX_915356a715ecb7601d3ba26b14"');
    await queryRunner.query('DROP INDEX "IDX_2b9b5103e7fc30654bf7296d6c"');
    await queryRunner.query(
      'CREATE TABLE "temporary_annotation" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "result" text, "task_id" integer NOT NULL, "project_id" integer NOT NULL, "completed_by_id" integer, "updated_by_id" integer, "was_cancelled" boolean NOT NULL DEFAULT (0), "ground_truth" boolean NOT NULL DEFAULT (0), "lead_time" double precision, "created_at" datetime NOT NULL DEFAULT (datetime(\'now\')), "updated_at" datetime NOT NULL DEFAULT (datetime(\'now\')), "draft_created_at" datetime, "parent_prediction_id" integer, "parent_annotation_id" integer, "last_action" varchar(32), "last_created_by_id" integer, "import_id" bigint, "bulk_created" boolean DEFAULT (0), "unique_id" varchar(64), CONSTRAINT "FK_0a049eaf3e2fdbba2c3c5d0f007" FOREIGN KEY ("task_id") REFERENCES "task" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_4552963d72177d801e8d871f30b" FOREIGN KEY ("project_id") REFERENCES "project" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_a920f7046aa9961d149c78425fb" FOREIGN KEY ("completed_by_id") REFERENCES "htx_user" ("id") ON DELETE SET NULL ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_annotation"("id", "result", "task_id", "project_id", "completed_by_id", "updated_by_id", "was_cancelled", "ground_truth", "lead_time", "created_at", "updated_at", "draft_created_at", "parent_prediction_id", "parent_annotation_id", "last_action", "last_created_by_id", "import_id", "bulk_created", "unique_id") SELECT "id", "result", "task_id", "project_id", "completed_by_id", "updated_by_id", "was_cancelled", "ground_truth", "lead_time", "created_at", "updated_at", "draft_created_at", "parent_prediction_id", "parent_annotation_id", "last_action", "last_created_by_id", "import_id", "bulk_created", "unique_id" FROM "annotation"',
    );
    await queryRunner.query('DROP TABLE "annotation"');
    await queryRunner.query('ALTER TABLE "temporary_annotation" RENAME TO "annotation"');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_35f1f20e944d89123b02d94539" ON "annotation" ("unique_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_915356a715ecb7601d3ba26b14" ON "annotation" ("project_id", "was_cancelled", "ground_truth") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_2b9b5103e7fc30654bf7296d6c" ON "annotation" ("task_id", "completed_by_id") ',
    );
    await queryRunner.query('DROP INDEX "IDX_8e0d3dae8ed53cce312f680a18"');
    await queryRunner.query(
      'CREATE TABLE "temporary_annotation_draft" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "result" text NOT NULL, "lead_time" double precision, "task_id" integer NOT NULL, "annotation_id" integer, "user_id" integer NOT NULL, "was_postponed" boolean NOT NULL DEFAULT (0), "import_id" bigint, "created_at" datetime NOT NULL DEFAULT (datetime(\'now\')), "updated_at" datetime NOT NULL DEFAULT (datetime(\'now\')), CONSTRAINT "FK_0377f3b617da98cd683a2f83a55" FOREIGN KEY ("task_id") REFERENCES "task" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_cdced376cb70fba2d46e9069126" FOREIGN KEY ("annotation_id") REFERENCES "annotation" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_annotation_draft"("id", "result", "lead_time", "task_id", "annotation_id", "user_id", "was_postponed", "import_id", "created_at", "updated_at") SELECT "id", "result", "lead_time", "task_id", "annotation_id", "user_id", "was_postponed", "import_id", "created_at", "updated_at" FROM "annotation_draft"',
    );
    await queryRunner.query('DROP TABLE "annotation_draft"');
    await queryRunner.query(
      'ALTER TABLE "temporary_annotation_draft" RENAME TO "annotation_draft"',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_8e0d3dae8ed53cce312f680a18" ON "annotation_draft" ("task_id", "user_id") ',
    );
    await queryRunner.query('DROP INDEX "IDX_7370bebb5fb90f2f36223e20ab"');
    await queryRunner.query('DROP INDEX "IDX_b17663cf199c81dc9f0d4a9c1b"');
    await queryRunner.query(
      'CREATE TABLE "temporary_prediction" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "result" text NOT NULL, "score" double precision, "model_version" varchar(255) NOT NULL DEFAULT (\'\'), "task_id" integer NOT NULL, "project_id" integer NOT NULL, "model_id" integer, "model_run_id" integer, "cluster" integer, "neighbors" text, "mislabeling" double precision NOT NULL DEFAULT (0), "created_at" datetime NOT NULL DEFAULT (datetime(\'now\')), "updated_at" datetime NOT NULL DEFAULT (datetime(\'now\')), CONSTRAINT "FK_7370bebb5fb90f2f36223e20aba" FOREIGN KEY ("task_id") REFERENCES "task" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_b3f3726a5282e4e92a7a311ddf2" FOREIGN KEY ("project_id") REFERENCES "project" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_prediction"("id", "result", "score", "model_version", "task_id", "project_id", "model_id", "model_run_id", "cluster", "neighbors", "mislabeling", "created_at", "updated_at") SELECT "id", "result", "score", "model_version", "task_id", "project_id", "model_id", "model_run_id", "cluster", "neighbors", "mislabeling", "created_at", "updated_at" FROM "prediction"',
    );
    await queryRunner.query('DROP TABLE "prediction"');
    await queryRunner.query('ALTER TABLE "temporary_prediction" RENAME TO "prediction"');
    await queryRunner.query(
      'CREATE INDEX "IDX_7370bebb5fb90f2f36223e20ab" ON "prediction" ("task_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_b17663cf199c81dc9f0d4a9c1b" ON "prediction" ("project_id", "model_version") ',
    );
    await queryRunner.query('DROP INDEX "IDX_a9bb3d2d93d0fa10fb93db9e1f"');
    await queryRunner.query(
      'CREATE TABLE "temporary_label_link" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "project_id" integer NOT NULL, "label_id" integer NOT NULL, "from_name" varchar(2048) NOT NULL, CONSTRAINT "FK_8b4b0acea02e30cc9fba222c4bc" FOREIGN KEY ("project_id") REFERENCES "project" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_5a2754027b0f5d0c195a10669a2" FOREIGN KEY ("label_id") REFERENCES "label" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_label_link"("id", "project_id", "label_id", "from_name") SELECT "id", "project_id", "label_id", "from_name" FROM "label_link"',
    );
    await queryRunner.query('DROP TABLE "label_link"');
    await queryRunner.query('ALTER TABLE "temporary_label_link" RENAME TO "label_link"');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_a9bb3d2d93d0fa10fb93db9e1f" ON "label_link" ("project_id", "label_id") ',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "IDX_a9bb3d2d93d0fa10fb93db9e1f"');
    await queryRunner.query('ALTER TABLE "label_link" RENAME TO "temporary_label_link"');
    await queryRunner.query(
      'CREATE TABLE "label_link" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "project_id" integer NOT NULL, "label_id" integer NOT NULL, "from_name" varchar(2048) NOT NULL)',
    );
    await queryRunner.query(
      'INSERT INTO "label_link"("id", "project_id", "label_id", "from_name") SELECT "id", "project_id", "label_id", "from_name" FROM "temporary_label_link"',
    );
    await queryRunner.query('DROP TABLE "temporary_label_link"');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_a9bb3d2d93d0fa10fb93db9e1f" ON "label_link" ("project_id", "label_id") ',
    );
    await queryRunner.query('DROP INDEX "IDX_b17663cf199c81dc9f0d4a9c1b"');
    await queryRunner.query('DROP INDEX "IDX_7370bebb5fb90f2f36223e20ab"');
    await queryRunner.query('ALTER TABLE "prediction" RENAME TO "temporary_prediction"');
    await queryRunner.query(
      'CREATE TABLE "prediction" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "result" text NOT NULL, "score" double precision, "model_version" varchar(255) NOT NULL DEFAULT (\'\'), "task_id" integer NOT NULL, "project_id" integer NOT NULL, "model_id" integer, "model_run_id" integer, "cluster" integer, "neighbors" text, "mislabeling" double precision NOT NULL DEFAULT (0), "created_at" datetime NOT NULL DEFAULT (datetime(\'now\')), "updated_at" datetime NOT NULL DEFAULT (datetime(\'now\')))',
    );
    await queryRunner.query(
      'INSERT INTO "prediction"("id", "result", "score", "model_version", "task_id", "project_id", "model_id", "model_run_id", "cluster", "neighbors", "mislabeling", "created_at", "updated_at") SELECT "id", "result", "score", "model_version", "task_id", "project_id", "model_id", "model_run_id", "cluster", "neighbors", "mislabeling", "created_at", "updated_at" FROM "temporary_prediction"',
    );
    await queryRunner.query('DROP TABLE "temporary_prediction"');
    await queryRunner.query(
      'CREATE INDEX "IDX_b17663cf199c81dc9f0d4a9c1b" ON "prediction" ("project_id", "model_version") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_7370bebb5fb90f2f36223e20ab" ON "prediction" ("task_id") ',
    );
    await queryRunner.query('DROP INDEX "IDX_8e0d3dae8ed53cce312f680a18"');
    await queryRunner.query(
      'ALTER TABLE "annotation_draft" RENAME TO "temporary_annotation_draft"',
    );
    await queryRunner.query(
      'CREATE TABLE "annotation_draft" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "result" text NOT NULL, "lead_time" double precision, "task_id" integer NOT NULL, "annotation_id" integer, "user_id" integer NOT NULL, "was_postponed" boolean NOT NULL DEFAULT (0), "import_id" bigint, "created_at" datetime NOT NULL DEFAULT (datetime(\'now\')), "updated_at" datetime NOT NULL DEFAULT (datetime(\'now\')))',
    );
    await queryRunner.query(
      'INSERT INTO "annotation_draft"("id", "result", "lead_time", "task_id", "annotation_id", "user_id", "was_postponed", "import_id", "created_at", "updated_at") SELECT "id", "result", "lead_time", "task_id", "annotation_id", "user_id", "was_postponed", "import_id", "created_at", "updated_at" FROM "temporary_annotation_draft"',
    );
    await queryRunner.query('DROP TABLE "temporary_annotation_draft"');
    await queryRunner.query(
      'CREATE INDEX "IDX_8e0d3dae8ed53cce312f680a18" ON "annotation_draft" ("task_id", "user_id") ',
    );
    await queryRunner.query('DROP INDEX "IDX_2b9b5103e7fc30654bf7296d6c"');
    await queryRunner.query('DROP INDEX "IDX_915356a715ecb7601d3ba26b14"');
    await queryRunner.query('DROP INDEX "IDX_35f1f20e944d89123b02d94539"');
    await queryRunner.query('ALTER TABLE "annotation" RENAME TO "temporary_annotation"');
    await queryRunner.query(
      'CREATE TABLE "annotation" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "result" text, "task_id" integer NOT NULL, "project_id" integer NOT NULL, "completed_by_id" integer, "updated_by_id" integer, "was_cancelled" boolean NOT NULL DEFAULT (0), "ground_truth" boolean NOT NULL DEFAULT (0), "lead_time" double precision, "created_at" datetime NOT NULL DEFAULT (datetime(\'now\')), "updated_at" datetime NOT NULL DEFAULT (datetime(\'now\')), "draft_created_at" datetime, "parent_prediction_id" integer, "parent_annotation_id" integer, "last_action" varchar(32), "last_created_by_id" integer, "import_id" bigint, "bulk_created" boolean DEFAULT (0), "unique_id" varchar(64))',
    );
    await queryRunner.query(
      'INSERT INTO "annotation"("id", "result", "task_id", "project_id", "completed_by_id", "updated_by_id", "was_cancelled", "ground_truth", "lead_time", "created_at", "updated_at", "draft_created_at", "parent_prediction_id", "parent_annotation_id", "last_action", "last_created_by_id", "import_id", "bulk_created", "unique_id") SELECT "id", "result", "task_id", "project_id", "completed_by_id", "updated_by_id", "was_cancelled", "ground_truth", "lead_time", "created_at", "updated_at", "draft_created_at", "parent_prediction_id", "parent_annotation_id", "last_action", "last_created_by_id", "import_id", "bulk_created", "unique_id" FROM "temporary_annotation"',
    );
    await queryRunner.query('DROP TABLE "temporary_annotation"');
    await queryRunner.query(
      'CREATE INDEX "IDX_2b9b5103e7fc30654bf7296d6c" ON "annotation" ("task_id", "completed_by_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_915356a715ecb7601d3ba26b14" ON "annotation" ("project_id", "was_cancelled", "ground_truth") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_35f1f20e944d89123b02d94539" ON "annotation" ("unique_id") ',
    );
    await queryRunner.query('DROP INDEX "IDX_a9bb3d2d93d0fa10fb93db9e1f"');
    await queryRunner.query('DROP TABLE "label_link"');
    await queryRunner.query('DROP INDEX "IDX_d5076f17e70c8e3da5d81dc498"');
    await queryRunner.query('DROP TABLE "label"');
    await queryRunner.query('DROP INDEX "IDX_b17663cf199c81dc9f0d4a9c1b"');
    await queryRunner.query('DROP INDEX "IDX_7370bebb5fb90f2f36223e20ab"');
    await queryRunner.query('DROP TABLE "prediction"');
    await queryRunner.query('DROP INDEX "IDX_8e0d3dae8ed53cce312f680a18"');
    await queryRunner.query('DROP TABLE "annotation_draft"');
    await queryRunner.query('DROP INDEX "IDX_2b9b5103e7fc30654bf7296d6c"');
    await queryRunner.query('DROP INDEX "IDX_915356a715ecb7601d3ba26b14"');
    await queryRunner.query('DROP INDEX "IDX_35f1f20e944d89123b02d94539"');
    await queryRunner.query('DROP TABLE "annotation"');
  }
}
