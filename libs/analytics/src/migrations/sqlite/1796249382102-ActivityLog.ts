import { MigrationInterface, QueryRunner } from 'typeorm';

export class ActivityLogSqlite1796249382102 implements MigrationInterface {
  name = 'ActivityLogSqlite1796249382102';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "activity_log" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "user_id" integer NOT NULL, "email" varchar(256) NOT NULL, "organization_id" integer NOT NULL, "request_method" varchar(10) NOT NULL, "request_url" varchar(256) NOT NULL, "response_code" varchar(3) NOT NULL, "datetime" datetime NOT NULL, "duration" integer, "ip_address" varchar(45), "user_agent" varchar(1024) NOT NULL DEFAULT (\'\'), "http_referer" varchar(1024) NOT NULL DEFAULT (\'\'), "project_id" integer, "workspace_owner_id" integer, "extra_data" text, "user_session" varchar(8))',
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
    await queryRunner.query('DROP INDEX "activity_log_organization_datetime_idx"');
    await queryRunner.query('DROP INDEX "activity_log_user_idx"');
    await queryRunner.query('DROP INDEX "activity_log_project_idx"');
    await queryRunner.query('DROP INDEX "activity_log_datetime_idx"');
    await queryRunner.query('DROP TABLE "activity_log"');
  }
}
