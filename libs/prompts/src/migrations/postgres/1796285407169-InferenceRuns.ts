import { MigrationInterface, QueryRunner } from 'typeorm';

export class InferenceRunsPostgres1796285407169 implements MigrationInterface {
  name = 'InferenceRunsPostgres1796285407169';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "model_run" ("id" SERIAL NOT NULL, "organization_id" integer NOT NULL, "prompt_id" integer NOT NULL, "version_id" integer NOT NULL, "project_id" integer NOT NULL, "created_by_id" integer, "project_subset" character varying(16) NOT NULL DEFAULT \'All\', "status" character varying(16) NOT NULL DEFAULT \'Pending\', "job_id" character varying(255), "external" boolean NOT NULL DEFAULT false, "only_missing_predictions" boolean NOT NULL DEFAULT false, "total_tasks" integer NOT NULL DEFAULT \'0\', "total_predictions" integer NOT NULL DEFAULT \'0\', "total_correct_predictions" integer NOT NULL DEFAULT \'0\', "total_failed_predictions" integer NOT NULL DEFAULT \'0\', "total_cost_usd" double precision NOT NULL DEFAULT \'0\', "error_message" text, "triggered_at" TIMESTAMP WITH TIME ZONE, "completed_at" TIMESTAMP WITH TIME ZONE, "predictions_updated_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_1b66614ea6e6048ee8497f2a9de" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_a53aa18a498d721be8039bbf85" ON "model_run" ("project_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_c3a7864ece0c51b33003d30b88" ON "model_run" ("organization_id", "id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_dac28136ff04c6ebd7f4404c51" ON "model_run" ("version_id", "id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "model_run_task" ("id" SERIAL NOT NULL, "run_id" integer NOT NULL, "task_id" integer NOT NULL, "prediction_id" integer, "error" text, "correct" boolean, "cost_usd" double precision NOT NULL DEFAULT \'0\', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f4acc21ddf9570119ab3bd6d2c9" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_168ecb4b202c0631548dd81ed5" ON "model_run_task" ("task_id") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_a50c82fa24148479214e5d287c" ON "model_run_task" ("run_id", "task_id") ',
    );
    await queryRunner.query(
      'ALTER TABLE "model_run" ADD CONSTRAINT "FK_cc8a3c6c7f99ae94546d6b61bc5" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "model_run" ADD CONSTRAINT "FK_df66b1c16d56c43653dafe05405" FOREIGN KEY ("prompt_id") REFERENCES "model_interface"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "model_run" ADD CONSTRAINT "FK_9134a8d409b79ca3cd8f726d09d" FOREIGN KEY ("version_id") REFERENCES "third_party_model_version"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "model_run" ADD CONSTRAINT "FK_a53aa18a498d721be8039bbf853" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "model_run" ADD CONSTRAINT "FK_6068c1165da149ac2142f1e33d4" FOREIGN KEY ("created_by_id") REFERENCES "htx_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "model_run_task" ADD CONSTRAINT "FK_284900560d994015a42af3cbcab" FOREIGN KEY ("run_id") REFERENCES "model_run"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "model_run_task" ADD CONSTRAINT "FK_168ecb4b202c0631548dd81ed5c" FOREIGN KEY ("task_id") REFERENCES "task"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "model_run_task" ADD CONSTRAINT "FK_094cc4d2ea66795bc294960d6d3" FOREIGN KEY ("prediction_id") REFERENCES "prediction"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "model_run_task" DROP CONSTRAINT "FK_094cc4d2ea66795bc294960d6d3"',
    );
    await queryRunner.query(
      'ALTER TABLE "model_run_task" DROP CONSTRAINT "FK_168ecb4b202c0631548dd81ed5c"',
    );
    await queryRunner.query(
      'ALTER TABLE "model_run_task" DROP CONSTRAINT "FK_284900560d994015a42af3cbcab"',
    );
    await queryRunner.query(
      'ALTER TABLE "model_run" DROP CONSTRAINT "FK_6068c1165da149ac2142f1e33d4"',
    );
    await queryRunner.query(
      'ALTER TABLE "model_run" DROP CONSTRAINT "FK_a53aa18a498d721be8039bbf853"',
    );
    await queryRunner.query(
      'ALTER TABLE "model_run" DROP CONSTRAINT "FK_9134a8d409b79ca3cd8f726d09d"',
    );
    await queryRunner.query(
      'ALTER TABLE "model_run" DROP CONSTRAINT "FK_df66b1c16d56c43653dafe05405"',
    );
    await queryRunner.query(
      'ALTER TABLE "model_run" DROP CONSTRAINT "FK_cc8a3c6c7f99ae94546d6b61bc5"',
    );
    await queryRunner.query('DROP INDEX "public"."IDX_a50c82fa24148479214e5d287c"');
    await queryRunner.query('DROP INDEX "public"."IDX_168ecb4b202c0631548dd81ed5"');
    await queryRunner.query('DROP TABLE "model_run_task"');
    await queryRunner.query('DROP INDEX "public"."IDX_dac28136ff04c6ebd7f4404c51"');
    await queryRunner.query('DROP INDEX "public"."IDX_c3a7864ece0c51b33003d30b88"');
    await queryRunner.query('DROP INDEX "public"."IDX_a53aa18a498d721be8039bbf85"');
    await queryRunner.query('DROP TABLE "model_run"');
  }
}
