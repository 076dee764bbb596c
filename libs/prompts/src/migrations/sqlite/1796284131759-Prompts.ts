import { MigrationInterface, QueryRunner } from 'typeorm';

export class PromptsSqlite1796284131759 implements MigrationInterface {
  name = 'PromptsSqlite1796284131759';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "model_interface" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "organization_id" integer NOT NULL, "created_by_id" integer, "title" varchar(500) NOT NULL, "description" text, "skill_name" varchar(32) NOT NULL DEFAULT (\'TextClassification\'), "input_fields" text NOT NULL, "output_classes" text NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime(\'now\')), "updated_at" datetime NOT NULL DEFAULT (datetime(\'now\')))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_131542844fceabcb43c6df3dc8" ON "model_interface" ("organization_id", "id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "third_party_model_version" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "parent_model_id" integer NOT NULL, "organization_id" integer NOT NULL, "created_by_id" integer, "title" varchar(500) NOT NULL, "prompt" text NOT NULL, "provider" varchar(32) NOT NULL DEFAULT (\'OpenAI\'), "provider_model_id" varchar(255) NOT NULL, "model_provider_connection_id" integer, "score" double precision, "created_at" datetime NOT NULL DEFAULT (datetime(\'now\')), "updated_at" datetime NOT NULL DEFAULT (datetime(\'now\')))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_7c967ee73f83e53cac032182d7" ON "third_party_model_version" ("model_provider_connection_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_4032b4571c08d712b9aab96bdb" ON "third_party_model_version" ("organization_id", "id") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_10c51c9973e1471ea5717e7d56" ON "third_party_model_version" ("parent_model_id", "title") ',
    );
    await queryRunner.query(
      'CREATE TABLE "model_interface_associated_project" ("model_interface_id" integer NOT NULL, "project_id" integer NOT NULL, PRIMARY KEY ("model_interface_id", "project_id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_560dcce6fe91a3c16ed75df535" ON "model_interface_associated_project" ("project_id") ',
    );
    await queryRunner.query('DROP INDEX "IDX_131542844fceabcb43c6df3dc8"');
    await queryRunner.query(
      'CREATE TABLE "temporary_model_interface" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "organization_id" integer NOT NULL, "created_by_id" integer, "title" varchar(500) NOT NULL, "description" text, "skill_name" varchar(32) NOT NULL DEFAULT (\'TextClassification\'), "input_fields" text NOT NULL, "output_classes" text NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime(\'now\')), "updated_at" datetime NOT NULL DEFAULT (datetime(\'now\')), CONSTRAINT "FK_97ca49d26ff7b806976fd4d1f04" FOREIGN KEY ("organization_id") REFERENCES "organization" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_79a9e99f71ece6f3e4052cc8719" FOREIGN KEY ("created_by_id") REFERENCES "htx_user" ("id") ON DELETE SET NULL ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_model_interface"("id", "organization_id", "created_by_id", "title", "description", "skill_name", "input_fields", "output_classes", "created_at", "updated_at") SELECT "id", "organization_id", "created_by_id", "title", "description", "skill_name", "input_fields", "output_classes", "created_at", "updated_at" FROM "model_interface"',
    );
    await queryRunner.query('DROP TABLE "model_interface"');
    await queryRunner.query('ALTER TABLE "temporary_model_interface" RENAME TO "model_interface"');
    await queryRunner.query(
      'CREATE INDEX "IDX_131542844fceabcb43c6df3dc8" ON "model_interface" ("organization_id", "id") ',
    );
    await queryRunner.query('DROP INDEX "IDX_7c967ee73f83e53cac032182d7"');
    await queryRunner.query('DROP INDEX "IDX_4032b4571c08d712b9aab96bdb"');
    await queryRunner.query('DROP INDEX "IDX_10c51c9973e1471ea5717e7d56"');
    await queryRunner.query(
      'CREATE TABLE "temporary_third_party_model_version" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "parent_model_id" integer NOT NULL, "organization_id" integer NOT NULL, "created_by_id" integer, "title" varchar(500) NOT NULL, "prompt" text NOT NULL, "provider" varchar(32) NOT NULL DEFAULT (\'OpenAI\'), "provider_model_id" varchar(255) NOT NULL, "model_provider_connection_id" integer, "score" double precision, "created_at" datetime NOT NULL DEFAULT (datetime(\'now\')), "updated_at" datetime NOT NULL DEFAULT (datetime(\'now\')), CONSTRAINT "FK_3bc5ad0fa051836674d733c51db" FOREIGN KEY ("parent_model_id") REFERENCES "model_interface" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_8b4330d9eadbff479d9cf504779" FOREIGN KEY ("organization_id") REFERENCES "organization" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_66fa44088a01c578e6e511cd35e" FOREIGN KEY ("created_by_id") REFERENCES "htx_user" ("id") ON DELETE SET NULL ON UPDATE NO ACTION, CONSTRAINT "FK_7c967ee73f83e53cac032182d7c" FOREIGN KEY ("model_provider_connection_id") REFERENCES "model_provider_connection" ("id") ON DELETE SET NULL ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_third_party_model_version"("id", "parent_model_id", "organization_id", "created_by_id", "title", "prompt", "provider", "provider_model_id", "model_provider_connection_id", "score", "created_at", "updated_at") SELECT "id", "parent_model_id", "organization_id", "created_by_id", "title", "prompt", "provider", "provider_model_id", "model_provider_connection_id", "score", "created_at", "updated_at" FROM "third_party_model_version"',
    );
    await queryRunner.query('DROP TABLE "third_party_model_version"');
    await queryRunner.query(
      'ALTER TABLE "temporary_third_party_model_version" RENAME TO "third_party_model_version"',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_7c967ee73f83e53cac032182d7" ON "third_party_model_version" ("model_provider_connection_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_4032b4571c08d712b9aab96bdb" ON "third_party_model_version" ("organization_id", "id") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_10c51c9973e1471ea5717e7d56" ON "third_party_model_version" ("parent_model_id", "title") ',
    );
    await queryRunner.query('DROP INDEX "IDX_560dcce6fe91a3c16ed75df535"');
    await queryRunner.query(
      'CREATE TABLE "temporary_model_interface_associated_project" ("model_interface_id" integer NOT NULL, "project_id" integer NOT NULL, CONSTRAINT "FK_21b1dbd4e85d368809c982dca51" FOREIGN KEY ("model_interface_id") REFERENCES "model_interface" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_560dcce6fe91a3c16ed75df535b" FOREIGN KEY ("project_id") REFERENCES "project" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, PRIMARY KEY ("model_interface_id", "project_id"))',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_model_interface_associated_project"("model_interface_id", "project_id") SELECT "model_interface_id", "project_id" FROM "model_interface_associated_project"',
    );
    await queryRunner.query('DROP TABLE "model_interface_associated_project"');
    await queryRunner.query(
      'ALTER TABLE "temporary_model_interface_associated_project" RENAME TO "model_interface_associated_project"',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_560dcce6fe91a3c16ed75df535" ON "model_interface_associated_project" ("project_id") ',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "IDX_560dcce6fe91a3c16ed75df535"');
    await queryRunner.query(
      'ALTER TABLE "model_interface_associated_project" RENAME TO "temporary_model_interface_associated_project"',
    );
    await queryRunner.query(
      'CREATE TABLE "model_interface_associated_project" ("model_interface_id" integer NOT NULL, "project_id" integer NOT NULL, PRIMARY KEY ("model_interface_id", "project_id"))',
    );
    await queryRunner.query(
      'INSERT INTO "model_interface_associated_project"("model_interface_id", "project_id") SELECT "model_interface_id", "project_id" FROM "temporary_model_interface_associated_project"',
    );
    await queryRunner.query('DROP TABLE "temporary_model_interface_associated_project"');
    await queryRunner.query(
      'CREATE INDEX "IDX_560dcce6fe91a3c16ed75df535" ON "model_interface_associated_project" ("project_id") ',
    );
    await queryRunner.query('DROP INDEX "IDX_10c51c9973e1471ea5717e7d56"');
    await queryRunner.query('DROP INDEX "IDX_4032b4571c08d712b9aab96bdb"');
    await queryRunner.query('DROP INDEX "IDX_7c967ee73f83e53cac032182d7"');
    await queryRunner.query(
      'ALTER TABLE "third_party_model_version" RENAME TO "temporary_third_party_model_version"',
    );
    await queryRunner.query(
      'CREATE TABLE "third_party_model_version" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "parent_model_id" integer NOT NULL, "organization_id" integer NOT NULL, "created_by_id" integer, "title" varchar(500) NOT NULL, "prompt" text NOT NULL, "provider" varchar(32) NOT NULL DEFAULT (\'OpenAI\'), "provider_model_id" varchar(255) NOT NULL, "model_provider_connection_id" integer, "score" double precision, "created_at" datetime NOT NULL DEFAULT (datetime(\'now\')), "updated_at" datetime NOT NULL DEFAULT (datetime(\'now\')))',
    );
    await queryRunner.query(
      'INSERT INTO "third_party_model_version"("id", "parent_model_id", "organization_id", "created_by_id", "title", "prompt", "provider", "provider_model_id", "model_provider_connection_id", "score", "created_at", "updated_at") SELECT "id", "parent_model_id", "organization_id", "created_by_id", "title", "prompt", "provider", "provider_model_id", "model_provider_connection_id", "score", "created_at", "updated_at" FROM "temporary_third_party_model_version"',
    );
    await queryRunner.query('DROP TABLE "temporary_third_party_model_version"');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_10c51c9973e1471ea5717e7d56" ON "third_party_model_version" ("parent_model_id", "title") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_4032b4571c08d712b9aab96bdb" ON "third_party_model_version" ("organization_id", "id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_7c967ee73f83e53cac032182d7" ON "third_party_model_version" ("model_provider_connection_id") ',
    );
    await queryRunner.query('DROP INDEX "IDX_131542844fceabcb43c6df3dc8"');
    await queryRunner.query('ALTER TABLE "model_interface" RENAME TO "temporary_model_interface"');
    await queryRunner.query(
      'CREATE TABLE "model_interface" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "organization_id" integer NOT NULL, "created_by_id" integer, "title" varchar(500) NOT NULL, "description" text, "skill_name" varchar(32) NOT NULL DEFAULT (\'TextClassification\'), "input_fields" text NOT NULL, "output_classes" text NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime(\'now\')), "updated_at" datetime NOT NULL DEFAULT (datetime(\'now\')))',
    );
    await queryRunner.query(
      'INSERT INTO "model_interface"("id", "organization_id", "created_by_id", "title", "description", "skill_name", "input_fields", "output_classes", "created_at", "updated_at") SELECT "id", "organization_id", "created_by_id", "title", "description", "skill_name", "input_fields", "output_classes", "created_at", "updated_at" FROM "temporary_model_interface"',
    );
    await queryRunner.query('DROP TABLE "temporary_model_interface"');
    await queryRunner.query(
      'CREATE INDEX "IDX_131542844fceabcb43c6df3dc8" ON "model_interface" ("organization_id", "id") ',
    );
    await queryRunner.query('DROP INDEX "IDX_560dcce6fe91a3c16ed75df535"');
    await queryRunner.query('DROP TABLE "model_interface_associated_project"');
    await queryRunner.query('DROP INDEX "IDX_10c51c9973e1471ea5717e7d56"');
    await queryRunner.query('DROP INDEX "IDX_4032b4571c08d712b9aab96bdb"');
    await queryRunner.query('DROP INDEX "IDX_7c967ee73f83e53cac032182d7"');
    await queryRunner.query('DROP TABLE "third_party_model_version"');
    await queryRunner.query('DROP INDEX "IDX_131542844fceabcb43c6df3dc8"');
    await queryRunner.query('DROP TABLE "model_interface"');
  }
}
