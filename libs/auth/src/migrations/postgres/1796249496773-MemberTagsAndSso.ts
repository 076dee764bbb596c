import { MigrationInterface, QueryRunner } from 'typeorm';

export class MemberTagsAndSsoPostgres1796249496773 implements MigrationInterface {
  name = 'MemberTagsAndSsoPostgres1796249496773';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "organization_member_tag" ("id" SERIAL NOT NULL, "organization_id" integer NOT NULL, "label" character varying(255) NOT NULL, "created_by_id" integer, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_af3d459971f35787e04ca1904da" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_d52dd9205821fd63798e48a0e0" ON "organization_member_tag" ("organization_id", "label") ',
    );
    await queryRunner.query(
      'CREATE TABLE "organization_member_tag_assignment" ("id" SERIAL NOT NULL, "tag_id" integer NOT NULL, "user_id" integer NOT NULL, "organization_id" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_103a773eb7165c7efc1ed6fa84a" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_ea474774164c1eb087d9623752" ON "organization_member_tag_assignment" ("organization_id", "user_id") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_cf8d056a975999bc8e553f747e" ON "organization_member_tag_assignment" ("tag_id", "user_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "organization_member_tag_import" ("id" SERIAL NOT NULL, "organization_id" integer NOT NULL, "created_by_id" integer, "status" character varying(16) NOT NULL DEFAULT \'created\', "tags_created" integer NOT NULL DEFAULT \'0\', "assignments_created" integer NOT NULL DEFAULT \'0\', "users_skipped" jsonb NOT NULL, "error" text, "bulk_tags" jsonb NOT NULL, "csv" text NOT NULL, "rows_done" integer NOT NULL DEFAULT \'0\', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "finished_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_088bd4f145bb64ee8b2428940f2" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_dba216cef08057c0647c3bd46d" ON "organization_member_tag_import" ("organization_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "saml_settings" ("organization_id" integer NOT NULL, "domain" text NOT NULL DEFAULT \'\', "idp_provider" character varying(256), "metadata_url" text NOT NULL DEFAULT \'\', "metadata_xml" text NOT NULL DEFAULT \'\', "mapping_email" character varying(1024), "mapping_first_name" character varying(1024), "mapping_last_name" character varying(1024), "mapping_groups" character varying(1024), "roles_groups" jsonb, "workspaces_groups" jsonb, "projects_groups" jsonb, "token" character varying(256) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_682b925d879ff24c0f16d05eb30" PRIMARY KEY ("organization_id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "scim_settings" ("organization_id" integer NOT NULL, "roles_groups" jsonb, "workspaces_groups" jsonb, "projects_groups" jsonb, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_0ab1593333568e93eed941f92df" PRIMARY KEY ("organization_id"))',
    );
    await queryRunner.query(
      'ALTER TABLE "organization_member_tag" ADD CONSTRAINT "FK_31347c3b438df0a75fdbc68d134" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "organization_member_tag" ADD CONSTRAINT "FK_a846a03b504cea41bc954574e4c" FOREIGN KEY ("created_by_id") REFERENCES "htx_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "organization_member_tag_assignment" ADD CONSTRAINT "FK_0f9d65fdfee6a6295b4256deadc" FOREIGN KEY ("tag_id") REFERENCES "organization_member_tag"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "organization_member_tag_assignment" ADD CONSTRAINT "FK_c36698019571cf7ab28538856ec" FOREIGN KEY ("user_id") REFERENCES "htx_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "organization_member_tag_assignment" ADD CONSTRAINT "FK_0f9d6088c441c0e6b1be6bc44b8" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "organization_member_tag_import" ADD CONSTRAINT "FK_dba216cef08057c0647c3bd46d3" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "organization_member_tag_import" ADD CONSTRAINT "FK_c196d5f84b9ddf674f24244fd9c" FOREIGN KEY ("created_by_id") REFERENCES "htx_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "saml_settings" ADD CONSTRAINT "FK_682b925d879ff24c0f16d05eb30" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "scim_settings" ADD CONSTRAINT "FK_0ab1593333568e93eed941f92df" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "scim_settings" DROP CONSTRAINT "FK_0ab1593333568e93eed941f92df"',
    );
    await queryRunner.query(
      'ALTER TABLE "saml_settings" DROP CONSTRAINT "FK_682b925d879ff24c0f16d05eb30"',
    );
    await queryRunner.query(
      'ALTER TABLE "organization_member_tag_import" DROP CONSTRAINT "FK_c196d5f84b9ddf674f24244fd9c"',
    );
    await queryRunner.query(
      'ALTER TABLE "organization_member_tag_import" DROP CONSTRAINT "FK_dba216cef08057c0647c3bd46d3"',
    );
    await queryRunner.query(
      'ALTER TABLE "organization_member_tag_assignment" DROP CONSTRAINT "FK_0f9d6088c441c0e6b1be6bc44b8"',
    );
    await queryRunner.query(
      'ALTER TABLE "organization_member_tag_assignment" DROP CONSTRAINT "FK_c36698019571cf7ab28538856ec"',
    );
    await queryRunner.query(
      'ALTER TABLE "organization_member_tag_assignment" DROP CONSTRAINT "FK_0f9d65fdfee6a6295b4256deadc"',
    );
    await queryRunner.query(
      'ALTER TABLE "organization_member_tag" DROP CONSTRAINT "FK_a846a03b504cea41bc954574e4c"',
    );
    await queryRunner.query(
      'ALTER TABLE "organization_member_tag" DROP CONSTRAINT "FK_31347c3b438df0a75fdbc68d134"',
    );
    await queryRunner.query('DROP TABLE "scim_settings"');
    await queryRunner.query('DROP TABLE "saml_settings"');
    await queryRunner.query('DROP INDEX "public"."IDX_dba216cef08057c0647c3bd46d"');
    await queryRunner.query('DROP TABLE "organization_member_tag_import"');
    await queryRunner.query('DROP INDEX "public"."IDX_cf8d056a975999bc8e553f747e"');
    await queryRunner.query('DROP INDEX "public"."IDX_ea474774164c1eb087d9623752"');
    await queryRunner.query('DROP TABLE "organization_member_tag_assignment"');
    await queryRunner.query('DROP INDEX "public"."IDX_d52dd9205821fd63798e48a0e0"');
    await queryRunner.query('DROP TABLE "organization_member_tag"');
  }
}
