import { MigrationInterface, QueryRunner } from 'typeorm';

export class AuthInitPostgres1795912228750 implements MigrationInterface {
  name = 'AuthInitPostgres1795912228750';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "authtoken_token" ("key" character varying(40) NOT NULL, "user_id" integer NOT NULL, "created" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5f0bd08fc878db5dd51c15a4050" PRIMARY KEY ("key"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_f12681df59b9e8e531520b55a4" ON "authtoken_token" ("user_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "organization" ("id" SERIAL NOT NULL, "title" character varying(1000) NOT NULL, "token" character varying(256) NOT NULL, "created_by_id" integer, "contact_info" character varying(254), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_472c1f99a32def1b0abb219cd67" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_877d5ee4fd742da3cbb89225e3" ON "organization" ("token") ',
    );
    await queryRunner.query(
      'CREATE TABLE "htx_user" ("id" SERIAL NOT NULL, "email" character varying(254) NOT NULL, "username" character varying(256) NOT NULL, "password" character varying(256) NOT NULL, "first_name" character varying(256) NOT NULL DEFAULT \'\', "last_name" character varying(256) NOT NULL DEFAULT \'\', "phone" character varying(256) NOT NULL DEFAULT \'\', "avatar_url" character varying(2048) NOT NULL DEFAULT \'\', "allow_newsletters" boolean, "custom_hotkeys" jsonb, "active_organization_id" integer, "is_active" boolean NOT NULL DEFAULT true, "date_joined" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_activity" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_d4efd5d529fa27cec83c9986001" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_eb0cab1c62cc198d4edc474728" ON "htx_user" ("email") ',
    );
    await queryRunner.query(
      'CREATE TABLE "jwt_settings" ("organization_id" integer NOT NULL, "api_tokens_enabled" boolean NOT NULL DEFAULT true, "legacy_api_tokens_enabled" boolean NOT NULL DEFAULT true, "api_token_ttl_days" integer NOT NULL DEFAULT \'365\', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_7498284dde3899fe55f23b4bf39" PRIMARY KEY ("organization_id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "organization_member" ("id" SERIAL NOT NULL, "user_id" integer NOT NULL, "organization_id" integer NOT NULL, "role" character varying(2) NOT NULL DEFAULT \'AN\', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "deleted_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_81dbbb093cbe0539c170f3d1484" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_ce08825728e5afefdc6e682b8d" ON "organization_member" ("organization_id") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_ade1a22b88a5464464fe520d07" ON "organization_member" ("user_id", "organization_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "session_timeout_policy" ("organization_id" integer NOT NULL, "max_session_age" integer NOT NULL DEFAULT \'20160\', "max_time_between_activity" integer NOT NULL DEFAULT \'7200\', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f59dc762d8638d3efca4af9f9ab" PRIMARY KEY ("organization_id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "server_secret" ("name" character varying(64) NOT NULL, "value" character varying(256) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_8b694669d056ba2de744df598d1" PRIMARY KEY ("name"))',
    );
    await queryRunner.query(
      'CREATE TABLE "jwt_refresh_token" ("id" SERIAL NOT NULL, "jti" character varying(64) NOT NULL, "user_id" integer NOT NULL, "truncated_token" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "blacklisted_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_35f83b4dd71582d1fb1d3dfcebf" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_6fb74b32401601715e195d1a04" ON "jwt_refresh_token" ("jti") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_322a6604946ac211a145db48bf" ON "jwt_refresh_token" ("user_id") ',
    );
    await queryRunner.query(
      'ALTER TABLE "htx_user" ADD CONSTRAINT "FK_f963e4e3ee112cd2e221230f231" FOREIGN KEY ("active_organization_id") REFERENCES "organization"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "organization_member" ADD CONSTRAINT "FK_273aa659a4afdcb614cdecbd667" FOREIGN KEY ("user_id") REFERENCES "htx_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "organization_member" ADD CONSTRAINT "FK_ce08825728e5afefdc6e682b8d7" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "organization_member" DROP CONSTRAINT "FK_ce08825728e5afefdc6e682b8d7"',
    );
    await queryRunner.query(
      'ALTER TABLE "organization_member" DROP CONSTRAINT "FK_273aa659a4afdcb614cdecbd667"',
    );
    await queryRunner.query(
      'ALTER TABLE "htx_user" DROP CONSTRAINT "FK_f963e4e3ee112cd2e221230f231"',
    );
    await queryRunner.query('DROP INDEX "public"."IDX_322a6604946ac211a145db48bf"');
    await queryRunner.query('DROP INDEX "public"."IDX_6fb74b32401601715e195d1a04"');
    await queryRunner.query('DROP TABLE "jwt_refresh_token"');
    await queryRunner.query('DROP TABLE "server_secret"');
    await queryRunner.query('DROP TABLE "session_timeout_policy"');
    await queryRunner.query('DROP INDEX "public"."IDX_ade1a22b88a5464464fe520d07"');
    await queryRunner.query('DROP INDEX "public"."IDX_ce08825728e5afefdc6e682b8d"');
    await queryRunner.query('DROP TABLE "organization_member"');
    await queryRunner.query('DROP TABLE "jwt_settings"');
    await queryRunner.query('DROP INDEX "public"."IDX_eb0cab1c62cc198d4edc474728"');
    await queryRunner.query('DROP TABLE "htx_user"');
    await queryRunner.query('DROP INDEX "public"."IDX_877d5ee4fd742da3cbb89225e3"');
    await queryRunner.query('DROP TABLE "organization"');
    await queryRunner.query('DROP INDEX "public"."IDX_f12681df59b9e8e531520b55a4"');
    await queryRunner.query('DROP TABLE "authtoken_token"');
  }
}
