import { MigrationInterface, QueryRunner } from 'typeorm';

export class AuthInitSqlite1795912228750 implements MigrationInterface {
  name = 'AuthInitSqlite1795912228750';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "authtoken_token" ("key" varchar(40) PRIMARY KEY NOT NULL, "user_id" integer NOT NULL, "created" datetime NOT NULL DEFAULT (datetime(\'now\')))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_f12681df59b9e8e531520b55a4" ON "authtoken_token" ("user_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "organization" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "title" varchar(1000) NOT NULL, "token" varchar(256) NOT NULL, "created_by_id" integer, "contact_info" varchar(254), "created_at" datetime NOT NULL DEFAULT (datetime(\'now\')), "updated_at" datetime NOT NULL DEFAULT (datetime(\'now\')))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_877d5ee4fd742da3cbb89225e3" ON "organization" ("token") ',
    );
    await queryRunner.query(
      'CREATE TABLE "htx_user" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "email" varchar(254) NOT NULL, "username" varchar(256) NOT NULL, "password" varchar(256) NOT NULL, "first_name" varchar(256) NOT NULL DEFAULT (\'\'), "last_name" varchar(256) NOT NULL DEFAULT (\'\'), "phone" varchar(256) NOT NULL DEFAULT (\'\'), "avatar_url" varchar(2048) NOT NULL DEFAULT (\'\'), "allow_newsletters" boolean, "custom_hotkeys" text, "active_organization_id" integer, "is_active" boolean NOT NULL DEFAULT (1), "date_joined" datetime NOT NULL DEFAULT (datetime(\'now\')), "last_activity" datetime)',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_eb0cab1c62cc198d4edc474728" ON "htx_user" ("email") ',
    );
    await queryRunner.query(
      'CREATE TABLE "jwt_settings" ("organization_id" integer PRIMARY KEY NOT NULL, "api_tokens_enabled" boolean NOT NULL DEFAULT (1), "legacy_api_tokens_enabled" boolean NOT NULL DEFAULT (1), "api_token_ttl_days" integer NOT NULL DEFAULT (365), "created_at" datetime NOT NULL DEFAULT (datetime(\'now\')), "updated_at" datetime NOT NULL DEFAULT (datetime(\'now\')))',
    );
    await queryRunner.query(
      'CREATE TABLE "organization_member" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "user_id" integer NOT NULL, "organization_id" integer NOT NULL, "role" varchar(2) NOT NULL DEFAULT (\'AN\'), "created_at" datetime NOT NULL DEFAULT (datetime(\'now\')), "updated_at" datetime NOT NULL DEFAULT (datetime(\'now\')), "deleted_at" datetime)',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_ce08825728e5afefdc6e682b8d" ON "organization_member" ("organization_id") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_ade1a22b88a5464464fe520d07" ON "organization_member" ("user_id", "organization_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "session_timeout_policy" ("organization_id" integer PRIMARY KEY NOT NULL, "max_session_age" integer NOT NULL DEFAULT (20160), "max_time_between_activity" integer NOT NULL DEFAULT (7200), "created_at" datetime NOT NULL DEFAULT (datetime(\'now\')), "updated_at" datetime NOT NULL DEFAULT (datetime(\'now\')))',
    );
    await queryRunner.query(
      'CREATE TABLE "server_secret" ("name" varchar(64) PRIMARY KEY NOT NULL, "value" varchar(256) NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime(\'now\')))',
    );
    await queryRunner.query(
      'CREATE TABLE "jwt_refresh_token" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "jti" varchar(64) NOT NULL, "user_id" integer NOT NULL, "truncated_token" text NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime(\'now\')), "expires_at" datetime NOT NULL, "blacklisted_at" datetime)',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_6fb74b32401601715e195d1a04" ON "jwt_refresh_token" ("jti") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_322a6604946ac211a145db48bf" ON "jwt_refresh_token" ("user_id") ',
    );
    await queryRunner.query('DROP INDEX "IDX_eb0cab1c62cc198d4edc474728"');
    await queryRunner.query(
      'CREATE TABLE "temporary_htx_user" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "email" varchar(254) NOT NULL, "username" varchar(256) NOT NULL, "password" varchar(256) NOT NULL, "first_name" varchar(256) NOT NULL DEFAULT (\'\'), "last_name" varchar(256) NOT NULL DEFAULT (\'\'), "phone" varchar(256) NOT NULL DEFAULT (\'\'), "avatar_url" varchar(2048) NOT NULL DEFAULT (\'\'), "allow_newsletters" boolean, "custom_hotkeys" text, "active_organization_id" integer, "is_active" boolean NOT NULL DEFAULT (1), "date_joined" datetime NOT NULL DEFAULT (datetime(\'now\')), "last_activity" datetime, CONSTRAINT "FK_f963e4e3ee112cd2e221230f231" FOREIGN KEY ("active_organization_id") REFERENCES "organization" ("id") ON DELETE SET NULL ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_htx_user"("id", "email", "username", "password", "first_name", "last_name", "phone", "avatar_url", "allow_newsletters", "custom_hotkeys", "active_organization_id", "is_active", "date_joined", "last_activity") SELECT "id", "email", "username", "password", "first_name", "last_name", "phone", "avatar_url", "allow_newsletters", "custom_hotkeys", "active_organization_id", "is_active", "date_joined", "last_activity" FROM "htx_user"',
    );
    await queryRunner.query('DROP TABLE "htx_user"');
    await queryRunner.query('ALTER TABLE "temporary_htx_user" RENAME TO "htx_user"');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_eb0cab1c62cc198d4edc474728" ON "htx_user" ("email") ',
    );
    await queryRunner.query('DROP INDEX "IDX_ce08825728e5afefdc6e682b8d"');
    await queryRunner.query('DROP INDEX "IDX_ade1a22b88a5464464fe520d07"');
    await queryRunner.query(
      'CREATE TABLE "temporary_organization_member" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "user_id" integer NOT NULL, "organization_id" integer NOT NULL, "role" varchar(2) NOT NULL DEFAULT (\'AN\'), "created_at" datetime NOT NULL DEFAULT (datetime(\'now\')), "updated_at" datetime NOT NULL DEFAULT (datetime(\'now\')), "deleted_at" datetime, CONSTRAINT "FK_273aa659a4afdcb614cdecbd667" FOREIGN KEY ("user_id") REFERENCES "htx_user" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_ce08825728e5afefdc6e682b8d7" FOREIGN KEY ("organization_id") REFERENCES "organization" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_organization_member"("id", "user_id", "organization_id", "role", "created_at", "updated_at", "deleted_at") SELECT "id", "user_id", "organization_id", "role", "created_at", "updated_at", "deleted_at" FROM "organization_member"',
    );
    await queryRunner.query('DROP TABLE "organization_member"');
    await queryRunner.query(
      'ALTER TABLE "temporary_organization_member" RENAME TO "organization_member"',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_ce08825728e5afefdc6e682b8d" ON "organization_member" ("organization_id") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_ade1a22b88a5464464fe520d07" ON "organization_member" ("user_id", "organization_id") ',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "IDX_ade1a22b88a5464464fe520d07"');
    await queryRunner.query('DROP INDEX "IDX_ce08825728e5afefdc6e682b8d"');
    await queryRunner.query(
      'ALTER TABLE "organization_member" RENAME TO "temporary_organization_member"',
    );
    await queryRunner.query(
      'CREATE TABLE "organization_member" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "user_id" integer NOT NULL, "organization_id" integer NOT NULL, "role" varchar(2) NOT NULL DEFAULT (\'AN\'), "created_at" datetime NOT NULL DEFAULT (datetime(\'now\')), "updated_at" datetime NOT NULL DEFAULT (datetime(\'now\')), "deleted_at" datetime)',
    );
    await queryRunner.query(
      'INSERT INTO "organization_member"("id", "user_id", "organization_id", "role", "created_at", "updated_at", "deleted_at") SELECT "id", "user_id", "organization_id", "role", "created_at", "updated_at", "deleted_at" FROM "temporary_organization_member"',
    );
    await queryRunner.query('DROP TABLE "temporary_organization_member"');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_ade1a22b88a5464464fe520d07" ON "organization_member" ("user_id", "organization_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_ce08825728e5afefdc6e682b8d" ON "organization_member" ("organization_id") ',
    );
    await queryRunner.query('DROP INDEX "IDX_eb0cab1c62cc198d4edc474728"');
    await queryRunner.query('ALTER TABLE "htx_user" RENAME TO "temporary_htx_user"');
    await queryRunner.query(
      'CREATE TABLE "htx_user" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "email" varchar(254) NOT NULL, "username" varchar(256) NOT NULL, "password" varchar(256) NOT NULL, "first_name" varchar(256) NOT NULL DEFAULT (\'\'), "last_name" varchar(256) NOT NULL DEFAULT (\'\'), "phone" varchar(256) NOT NULL DEFAULT (\'\'), "avatar_url" varchar(2048) NOT NULL DEFAULT (\'\'), "allow_newsletters" boolean, "custom_hotkeys" text, "active_organization_id" integer, "is_active" boolean NOT NULL DEFAULT (1), "date_joined" datetime NOT NULL DEFAULT (datetime(\'now\')), "last_activity" datetime)',
    );
    await queryRunner.query(
      'INSERT INTO "htx_user"("id", "email", "username", "password", "first_name", "last_name", "phone", "avatar_url", "allow_newsletters", "custom_hotkeys", "active_organization_id", "is_active", "date_joined", "last_activity") SELECT "id", "email", "username", "password", "first_name", "last_name", "phone", "avatar_url", "allow_newsletters", "custom_hotkeys", "active_organization_id", "is_active", "date_joined", "last_activity" FROM "temporary_htx_user"',
    );
    await queryRunner.query('DROP TABLE "temporary_htx_user"');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_eb0cab1c62cc198d4edc474728" ON "htx_user" ("email") ',
    );
    await queryRunner.query('DROP INDEX "IDX_322a6604946ac211a145db48bf"');
    await queryRunner.query('DROP INDEX "IDX_6fb74b32401601715e195d1a04"');
    await queryRunner.query('DROP TABLE "jwt_refresh_token"');
    await queryRunner.query('DROP TABLE "server_secret"');
    await queryRunner.query('DROP TABLE "session_timeout_policy"');
    await queryRunner.query('DROP INDEX "IDX_ade1a22b88a5464464fe520d07"');
    await queryRunner.query('DROP INDEX "IDX_ce08825728e5afefdc6e682b8d"');
    await queryRunner.query('DROP TABLE "organization_member"');
    await queryRunner.query('DROP TABLE "jwt_settings"');
    await queryRunner.query('DROP INDEX "IDX_eb0cab1c62cc198d4edc474728"');
    await queryRunner.query('DROP TABLE "htx_user"');
    await queryRunner.query('DROP INDEX "IDX_877d5ee4fd742da3cbb89225e3"');
    await queryRunner.query('DROP TABLE "organization"');
    await queryRunner.query('DROP INDEX "IDX_f12681df59b9e8e531520b55a4"');
    await queryRunner.query('DROP TABLE "authtoken_token"');
  }
}
