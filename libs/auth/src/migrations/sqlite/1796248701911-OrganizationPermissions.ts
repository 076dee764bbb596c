import { MigrationInterface, QueryRunner } from 'typeorm';

export class OrganizationPermissionsSqlite1796248701911 implements MigrationInterface {
  name = 'OrganizationPermissionsSqlite1796248701911';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "organization_permission" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "organization_id" integer NOT NULL, "permission" varchar(255) NOT NULL, "roles" text NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime(\'now\')), "updated_at" datetime NOT NULL DEFAULT (datetime(\'now\')))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_a719660e707803bc0456f00c39" ON "organization_permission" ("organization_id", "permission") ',
    );
    await queryRunner.query(
      'CREATE TABLE "organization_settings" ("organization_id" integer PRIMARY KEY NOT NULL, "default_role" varchar(2) NOT NULL DEFAULT (\'AN\'), "annotator_reviewer_firewall_enabled_at" datetime, "label_stream_navigation_disabled_at" datetime, "read_only_quick_view_enabled_at" datetime, "custom_scripts_enabled_at" datetime, "email_notification_settings" text, "embed_domains" text, "embed_settings" text, "external_id" varchar(256), "extra_data_on_activity_logs" boolean NOT NULL DEFAULT (0), "created_at" datetime NOT NULL DEFAULT (datetime(\'now\')), "updated_at" datetime NOT NULL DEFAULT (datetime(\'now\')))',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "organization_settings"');
    await queryRunner.query('DROP INDEX "IDX_a719660e707803bc0456f00c39"');
    await queryRunner.query('DROP TABLE "organization_permission"');
  }
}
