import { MigrationInterface, QueryRunner } from 'typeorm';

export class OrganizationPermissionsPostgres1796248701911 implements MigrationInterface {
  name = 'OrganizationPermissionsPostgres1796248701911';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "organization_permission" ("id" SERIAL NOT NULL, "organization_id" integer NOT NULL, "permission" character varying(255) NOT NULL, "roles" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ff6561c44fcca6c8e16fe459157" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_a719660e707803bc0456f00c39" ON "organization_permission" ("organization_id", "permission") ',
    );
    await queryRunner.query(
      'CREATE TABLE "organization_settings" ("organization_id" integer NOT NULL, "default_role" character varying(2) NOT NULL DEFAULT \'AN\', "annotator_reviewer_firewall_enabled_at" TIMESTAMP WITH TIME ZONE, "label_stream_navigation_disabled_at" TIMESTAMP WITH TIME ZONE, "read_only_quick_view_enabled_at" TIMESTAMP WITH TIME ZONE, "custom_scripts_enabled_at" TIMESTAMP WITH TIME ZONE, "email_notification_settings" jsonb, "embed_domains" jsonb, "embed_settings" jsonb, "external_id" character varying(256), "extra_data_on_activity_logs" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5fbdacce9bdcb454877d068e355" PRIMARY KEY ("organization_id"))',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "organization_settings"');
    await queryRunner.query('DROP INDEX "public"."IDX_a719660e707803bc0456f00c39"');
    await queryRunner.query('DROP TABLE "organization_permission"');
  }
}
