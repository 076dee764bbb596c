import { MigrationInterface, QueryRunner } from 'typeorm';

export class MlBackendsPostgres1796221435143 implements MigrationInterface {
  name = 'MlBackendsPostgres1796221435143';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "ml_backend" ("id" SERIAL NOT NULL, "project_id" integer NOT NULL, "url" text NOT NULL, "title" text DEFAULT \'default\', "description" text DEFAULT \'\', "state" character varying(2) NOT NULL DEFAULT \'DI\', "error_message" text, "is_interactive" boolean NOT NULL DEFAULT false, "model_version" text DEFAULT \'\', "auth_method" character varying(16) NOT NULL DEFAULT \'NONE\', "basic_auth_user" text, "basic_auth_pass_sealed" text, "extra_params" jsonb, "timeout" double precision NOT NULL DEFAULT \'100\', "auto_update" boolean NOT NULL DEFAULT true, "predict_job" character varying(128), "annotations_since_training" integer NOT NULL DEFAULT \'0\', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_63bee49b34339cac39a4355abf2" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_bc9a3f8efea4b4f896b0eb70e6" ON "ml_backend" ("project_id") ',
    );
    await queryRunner.query(
      'ALTER TABLE "ml_backend" ADD CONSTRAINT "FK_bc9a3f8efea4b4f896b0eb70e61" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "ml_backend" DROP CONSTRAINT "FK_bc9a3f8efea4b4f896b0eb70e61"',
    );
    await queryRunner.query('DROP INDEX "public"."IDX_bc9a3f8efea4b4f896b0eb70e6"');
    await queryRunner.query('DROP TABLE "ml_backend"');
  }
}
