import { MigrationInterface, QueryRunner } from 'typeorm';

export class ModelProviderConnectionsSqlite1796283390988 implements MigrationInterface {
  name = 'ModelProviderConnectionsSqlite1796283390988';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "model_provider_connection" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "organization_id" integer NOT NULL, "created_by_id" integer, "provider" varchar(32) NOT NULL, "scope" varchar(16) NOT NULL DEFAULT (\'Organization\'), "prompt_id" integer, "deployment_name" varchar(512), "endpoint" varchar(512), "google_project_id" varchar(255), "google_location" varchar(255), "cached_available_models" varchar(4096), "is_internal" boolean NOT NULL DEFAULT (0), "secrets_sealed" text, "budget_limit" double precision, "budget_reset_period" varchar(16), "budget_total_spent" double precision NOT NULL DEFAULT (0), "budget_last_reset_date" datetime, "budget_alert_threshold" double precision, "created_at" datetime NOT NULL DEFAULT (datetime(\'now\')), "updated_at" datetime NOT NULL DEFAULT (datetime(\'now\')))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_fbf7cd4e2ce5de240236a0f92d" ON "model_provider_connection" ("prompt_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_bf20c4c02f3732cd126e79d57f" ON "model_provider_connection" ("organization_id", "scope") ',
    );
    await queryRunner.query('DROP INDEX "IDX_fbf7cd4e2ce5de240236a0f92d"');
    await queryRunner.query('DROP INDEX "IDX_bf20c4c02f3732cd126e79d57f"');
    await queryRunner.query(
      'CREATE TABLE "temporary_model_provider_connection" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "organization_id" integer NOT NULL, "created_by_id" integer, "provider" varchar(32) NOT NULL, "scope" varchar(16) NOT NULL DEFAULT (\'Organization\'), "prompt_id" integer, "deployment_name" varchar(512), "endpoint" varchar(512), "google_project_id" varchar(255), "google_location" varchar(255), "cached_available_models" varchar(4096), "is_internal" boolean NOT NULL DEFAULT (0), "secrets_sealed" text, "budget_limit" double precision, "budget_reset_period" varchar(16), "budget_total_spent" double precision NOT NULL DEFAULT (0), "budget_last_reset_date" datetime, "budget_alert_threshold" double precision, "created_at" datetime NOT NULL DEFAULT (datetime(\'now\')), "updated_at" datetime NOT NULL DEFAULT (datetime(\'now\')), CONSTRAINT "FK_1b079ef72cec8d58cd4c116098c" FOREIGN KEY ("organization_id") REFERENCES "organization" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_df296746e6f82a8d147e53579cc" FOREIGN KEY ("created_by_id") REFERENCES "htx_user" ("id") ON DELETE SET NULL ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_model_provider_connection"("id", "organization_id", "created_by_id", "provider", "scope", "prompt_id", "deployment_name", "endpoint", "google_project_id", "google_location", "cached_available_models", "is_internal", "secrets_sealed", "budget_limit", "budget_reset_period", "budget_total_spent", "budget_last_reset_date", "budget_alert_threshold", "created_at", "updated_at") SELECT "id", "organization_id", "created_by_id", "provider", "scope", "prompt_id", "deployment_name", "endpoint", "google_project_id", "google_location", "cached_available_models", "is_internal", "secrets_sealed", "budget_limit", "budget_reset_period", "budget_total_spent", "budget_last_reset_date", "budget_alert_threshold", "created_at", "updated_at" FROM "model_provider_connection"',
    );
    await queryRunner.query('DROP TABLE "model_provider_connection"');
    await queryRunner.query(
      'ALTER TABLE "temporary_model_provider_connection" RENAME TO "model_provider_connection"',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_fbf7cd4e2ce5de240236a0f92d" ON "model_provider_connection" ("prompt_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_bf20c4c02f3732cd126e79d57f" ON "model_provider_connection" ("organization_id", "scope") ',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "IDX_bf20c4c02f3732cd126e79d57f"');
    await queryRunner.query('DROP INDEX "IDX_fbf7cd4e2ce5de240236a0f92d"');
    await queryRunner.query(
      'ALTER TABLE "model_provider_connection" RENAME TO "temporary_model_provider_connection"',
    );
    await queryRunner.query(
      'CREATE TABLE "model_provider_connection" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "organization_id" integer NOT NULL, "created_by_id" integer, "provider" varchar(32) NOT NULL, "scope" varchar(16) NOT NULL DEFAULT (\'Organization\'), "prompt_id" integer, "deployment_name" varchar(512), "endpoint" varchar(512), "google_project_id" varchar(255), "google_location" varchar(255), "cached_available_models" varchar(4096), "is_internal" boolean NOT NULL DEFAULT (0), "secrets_sealed" text, "budget_limit" double precision, "budget_reset_period" varchar(16), "budget_total_spent" double precision NOT NULL DEFAULT (0), "budget_last_reset_date" datetime, "budget_alert_threshold" double precision, "created_at" datetime NOT NULL DEFAULT (datetime(\'now\')), "updated_at" datetime NOT NULL DEFAULT (datetime(\'now\')))',
    );
    await queryRunner.query(
      'INSERT INTO "model_provider_connection"("id", "organization_id", "created_by_id", "provider", "scope", "prompt_id", "deployment_name", "endpoint", "google_project_id", "google_location", "cached_available_models", "is_internal", "secrets_sealed", "budget_limit", "budget_reset_period", "budget_total_spent", "budget_last_reset_date", "budget_alert_threshold", "created_at", "updated_at") SELECT "id", "organization_id", "created_by_id", "provider", "scope", "prompt_id", "deployment_name", "endpoint", "google_project_id", "google_location", "cached_available_models", "is_internal", "secrets_sealed", "budget_limit", "budget_reset_period", "budget_total_spent", "budget_last_reset_date", "budget_alert_threshold", "created_at", "updated_at" FROM "temporary_model_provider_connection"',
    );
    await queryRunner.query('DROP TABLE "temporary_model_provider_connection"');
    await queryRunner.query(
      'CREATE INDEX "IDX_bf20c4c02f3732cd126e79d57f" ON "model_provider_connection" ("organization_id", "scope") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_fbf7cd4e2ce5de240236a0f92d" ON "model_provider_connection" ("prompt_id") ',
    );
    await queryRunner.query('DROP INDEX "IDX_bf20c4c02f3732cd126e79d57f"');
    await queryRunner.query('DROP INDEX "IDX_fbf7cd4e2ce5de240236a0f92d"');
    await queryRunner.query('DROP TABLE "model_provider_connection"');
  }
}
