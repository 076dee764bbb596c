import { MigrationInterface, QueryRunner } from 'typeorm';

export class MlBackendsSqlite1796221435143 implements MigrationInterface {
  name = 'MlBackendsSqlite1796221435143';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "ml_backend" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "project_id" integer NOT NULL, "url" text NOT NULL, "title" text DEFAULT (\'default\'), "description" text DEFAULT (\'\'), "state" varchar(2) NOT NULL DEFAULT (\'DI\'), "error_message" text, "is_interactive" boolean NOT NULL DEFAULT (0), "model_version" text DEFAULT (\'\'), "auth_method" varchar(16) NOT NULL DEFAULT (\'NONE\'), "basic_auth_user" text, "basic_auth_pass_sealed" text, "extra_params" text, "timeout" double precision NOT NULL DEFAULT (100), "auto_update" boolean NOT NULL DEFAULT (1), "predict_job" varchar(128), "annotations_since_training" integer NOT NULL DEFAULT (0), "created_at" datetime NOT NULL DEFAULT (datetime(\'now\')), "updated_at" datetime NOT NULL DEFAULT (datetime(\'now\')))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_bc9a3f8efea4b4f896b0eb70e6" ON "ml_backend" ("project_id") ',
    );
    await queryRunner.query('DROP INDEX "IDX_bc9a3f8efea4b4f896b0eb70e6"');
    await queryRunner.query(
      'CREATE TABLE "temporary_ml_backend" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "project_id" integer NOT NULL, "url" text NOT NULL, "title" text DEFAULT (\'default\'), "description" text DEFAULT (\'\'), "state" varchar(2) NOT NULL DEFAULT (\'DI\'), "error_message" text, "is_interactive" boolean NOT NULL DEFAULT (0), "model_version" text DEFAULT (\'\'), "auth_method" varchar(16) NOT NULL DEFAULT (\'NONE\'), "basic_auth_user" text, "basic_auth_pass_sealed" text, "extra_params" text, "timeout" double precision NOT NULL DEFAULT (100), "auto_update" boolean NOT NULL DEFAULT (1), "predict_job" varchar(128), "annotations_since_training" integer NOT NULL DEFAULT (0), "created_at" datetime NOT NULL DEFAULT (datetime(\'now\')), "updated_at" datetime NOT NULL DEFAULT (datetime(\'now\')), CONSTRAINT "FK_bc9a3f8efea4b4f896b0eb70e61" FOREIGN KEY ("project_id") REFERENCES "project" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_ml_backend"("id", "project_id", "url", "title", "description", "state", "error_message", "is_interactive", "model_version", "auth_method", "basic_auth_user", "basic_auth_pass_sealed", "extra_params", "timeout", "auto_update", "predict_job", "annotations_since_training", "created_at", "updated_at") SELECT "id", "project_id", "url", "title", "description", "state", "error_message", "is_interactive", "model_version", "auth_method", "basic_auth_user", "basic_auth_pass_sealed", "extra_params", "timeout", "auto_update", "predict_job", "annotations_since_training", "created_at", "updated_at" FROM "ml_backend"',
    );
    await queryRunner.query('DROP TABLE "ml_backend"');
    await queryRunner.query('ALTER TABLE "temporary_ml_backend" RENAME TO "ml_backend"');
    await queryRunner.query(
      'CREATE INDEX "IDX_bc9a3f8efea4b4f896b0eb70e6" ON "ml_backend" ("project_id") ',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "IDX_bc9a3f8efea4b4f896b0eb70e6"');
    await queryRunner.query('ALTER TABLE "ml_backend" RENAME TO "temporary_ml_backend"');
    await queryRunner.query(
      'CREATE TABLE "ml_backend" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "project_id" integer NOT NULL, "url" text NOT NULL, "title" text DEFAULT (\'default\'), "description" text DEFAULT (\'\'), "state" varchar(2) NOT NULL DEFAULT (\'DI\'), "error_message" text, "is_interactive" boolean NOT NULL DEFAULT (0), "model_version" text DEFAULT (\'\'), "auth_method" varchar(16) NOT NULL DEFAULT (\'NONE\'), "basic_auth_user" text, "basic_auth_pass_sealed" text, "extra_params" text, "timeout" double precision NOT NULL DEFAULT (100), "auto_update" boolean NOT NULL DEFAULT (1), "predict_job" varchar(128), "annotations_since_training" integer NOT NULL DEFAULT (0), "created_at" datetime NOT NULL DEFAULT (datetime(\'now\')), "updated_at" datetime NOT NULL DEFAULT (datetime(\'now\')))',
    );
    await queryRunner.query(
      'INSERT INTO "ml_backend"("id", "project_id", "url", "title", "description", "state", "error_message", "is_interactive", "model_version", "auth_method", "basic_auth_user", "basic_auth_pass_sealed", "extra_params", "timeout", "auto_update", "predict_job", "annotations_since_training", "created_at", "updated_at") SELECT "id", "project_id", "url", "title", "description", "state", "error_message", "is_interactive", "model_version", "auth_method", "basic_auth_user", "basic_auth_pass_sealed", "extra_params", "timeout", "auto_update", "predict_job", "annotations_since_training", "created_at", "updated_at" FROM "temporary_ml_backend"',
    );
    await queryRunner.query('DROP TABLE "temporary_ml_backend"');
    await queryRunner.query(
      'CREATE INDEX "IDX_bc9a3f8efea4b4f896b0eb70e6" ON "ml_backend" ("project_id") ',
    );
    await queryRunner.query('DROP INDEX "IDX_bc9a3f8efea4b4f896b0eb70e6"');
    await queryRunner.query('DROP TABLE "ml_backend"');
  }
}
