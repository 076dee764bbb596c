import { MigrationInterface, QueryRunner } from 'typeorm';

export class ModelProviderConnectionsPostgres1796283390988 implements MigrationInterface {
  name = 'ModelProviderConnectionsPostgres1796283390988';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "model_provider_connection" ("id" SERIAL NOT NULL, "organization_id" integer NOT NULL, "created_by_id" integer, "provider" character varying(32) NOT NULL, "scope" character varying(16) NOT NULL DEFAULT \'Organization\', "prompt_id" integer, "deployment_name" character varying(512), "endpoint" character varying(512), "google_project_id" character varying(255), "google_location" character varying(255), "cached_available_models" character varying(4096), "is_internal" boolean NOT NULL DEFAULT false, "secrets_sealed" text, "budget_limit" double precision, "budget_reset_period" character varying(16), "budget_total_spent" double precision NOT NULL DEFAULT \'0\', "budget_last_reset_date" TIMESTAMP WITH TIME ZONE, "budget_alert_threshold" double precision, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d3bb7fe2e98b9022f910cf1be1e" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_fbf7cd4e2ce5de240236a0f92d" ON "model_provider_connection" ("prompt_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_bf20c4c02f3732cd126e79d57f" ON "model_provider_connection" ("organization_id", "scope") ',
    );
    await queryRunner.query(
      'ALTER TABLE "model_provider_connection" ADD CONSTRAINT "FK_1b079ef72cec8d58cd4c116098c" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "model_provider_connection" ADD CONSTRAINT "FK_df296746e6f82a8d147e53579cc" FOREIGN KEY ("created_by_id") REFERENCES "htx_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "model_provider_connection" DROP CONSTRAINT "FK_df296746e6f82a8d147e53579cc"',
    );
    await queryRunner.query(
      'ALTER TABLE "model_provider_connection" DROP CONSTRAINT "FK_1b079ef72cec8d58cd4c116098c"',
    );
    await queryRunner.query('DROP INDEX "public"."IDX_bf20c4c02f3732cd126e79d57f"');
    await queryRunner.query('DROP INDEX "public"."IDX_fbf7cd4e2ce5de240236a0f92d"');
    await queryRunner.query('DROP TABLE "model_provider_connection"');
  }
}
