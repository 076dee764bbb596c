import { MigrationInterface, QueryRunner } from 'typeorm';

export class ActivityLogPostgres1796249382102 implements MigrationInterface {
  name = 'ActivityLogPostgres1796249382102';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "activity_log" ("id" SERIAL NOT NULL, "user_id" integer NOT NULL, "email" character varying(256) NOT NULL, "organization_id" integer NOT NULL, "request_method" character varying(10) NOT NULL, "request_url" character varying(256) NOT NULL, "response_code" character varying(3) NOT NULL, "datetime" TIMESTAMP WITH TIME ZONE NOT NULL, "duration" integer, "ip_address" character varying(45), "user_agent" character varying(1024) NOT NULL DEFAULT \'\', "http_referer" character varying(1024) NOT NULL DEFAULT \'\', "project_id" integer, "workspace_owner_id" integer, "extra_data" jsonb, "user_session" character varying(8), CONSTRAINT "PK_067d761e2956b77b14e534fd6f1" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "activity_log_datetime_idx" ON "activity_log" ("datetime") ',
    );
    await queryRunner.query(
      'CREATE INDEX "activity_log_project_idx" ON "activity_log" ("project_id") ',
    );
    await queryRunner.query('CREATE INDEX "activity_log_user_idx" ON "activity_log" ("user_id") ');
    await queryRunner.query(
      'CREATE INDEX "activity_log_organization_datetime_idx" ON "activity_log" ("organization_id", "datetime") ',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."activity_log_organization_datetime_idx"');
    await queryRunner.query('DROP INDEX "public"."activity_log_user_idx"');
    await queryRunner.query('DROP INDEX "public"."activity_log_project_idx"');
    await queryRunner.query('DROP INDEX "public"."activity_log_datetime_idx"');
    await queryRunner.query('DROP TABLE "activity_log"');
  }
}
