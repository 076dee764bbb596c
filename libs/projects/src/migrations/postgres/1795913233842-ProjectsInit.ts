import { MigrationInterface, QueryRunner } from 'typeorm';

export class ProjectsInitPostgres1795913233842 implements MigrationInterface {
  name = 'ProjectsInitPostgres1795913233842';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "project" ("id" SERIAL NOT NULL, "organization_id" integer NOT NULL, "workspace_id" integer, "title" character varying(50), "description" text, "label_config" text NOT NULL DEFAULT \'<View></View>\', "parsed_label_config" jsonb NOT NULL, "data_types" jsonb NOT NULL, "config_suitable_for_bulk_annotation" boolean NOT NULL DEFAULT true, "control_weights" jsonb, "expert_instruction" text, "show_instruction" boolean NOT NULL DEFAULT false, "show_skip_button" boolean NOT NULL DEFAULT true, "enable_empty_annotation" boolean NOT NULL DEFAULT true, "show_annotation_history" boolean NOT NULL DEFAULT false, "color" character varying(16) DEFAULT \'#FFFFFF\', "maximum_annotations" integer NOT NULL DEFAULT \'1\', "is_published" boolean NOT NULL DEFAULT false, "model_version" text DEFAULT \'\', "is_draft" boolean NOT NULL DEFAULT false, "created_by_id" integer, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "min_annotations_to_start_training" integer NOT NULL DEFAULT \'0\', "start_training_on_annotation_update" boolean NOT NULL DEFAULT false, "show_collab_predictions" boolean NOT NULL DEFAULT true, "sampling" character varying(32) DEFAULT \'Sequential sampling\', "show_ground_truth_first" boolean NOT NULL DEFAULT false, "show_overlap_first" boolean NOT NULL DEFAULT false, "overlap_cohort_percentage" integer NOT NULL DEFAULT \'100\', "task_data_login" character varying(256), "task_data_password" character varying(256), "evaluate_predictions_automatically" boolean NOT NULL DEFAULT false, "skip_queue" character varying(32) DEFAULT \'REQUEUE_FOR_OTHERS\', "reveal_preannotations_interactively" boolean NOT NULL DEFAULT false, "pinned_at" TIMESTAMP WITH TIME ZONE, "settings" jsonb NOT NULL, CONSTRAINT "PK_4d68b1358bb5b766d3e78f32f57" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_d70f8968fc3145889d08492fc2" ON "project" ("organization_id", "id") ',
    );
    await queryRunner.query(
      'ALTER TABLE "project" ADD CONSTRAINT "FK_e4616ee32e66481cf9b9f1a6466" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "project" ADD CONSTRAINT "FK_e155d8f98ec858daa457d6ff291" FOREIGN KEY ("created_by_id") REFERENCES "htx_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "project" DROP CONSTRAINT "FK_e155d8f98ec858daa457d6ff291"',
    );
    await queryRunner.query(
      'ALTER TABLE "project" DROP CONSTRAINT "FK_e4616ee32e66481cf9b9f1a6466"',
    );
    await queryRunner.query('DROP INDEX "public"."IDX_d70f8968fc3145889d08492fc2"');
    await queryRunner.query('DROP TABLE "project"');
  }
}
