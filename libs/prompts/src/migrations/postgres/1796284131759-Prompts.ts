import { MigrationInterface, QueryRunner } from 'typeorm';

export class PromptsPostgres1796284131759 implements MigrationInterface {
  name = 'PromptsPostgres1796284131759';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "model_interface" ("id" SERIAL NOT NULL, "organization_id" integer NOT NULL, "created_by_id" integer, "title" character varying(500) NOT NULL, "description" text, "skill_name" character varying(32) NOT NULL DEFAULT \'TextClassification\', "input_fields" jsonb NOT NULL, "output_classes" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_1d259ba00ee32b4e43d53246daa" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_131542844fceabcb43c6df3dc8" ON "model_interface" ("organization_id", "id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "third_party_model_version" ("id" SERIAL NOT NULL, "parent_model_id" integer NOT NULL, "organization_id" integer NOT NULL, "created_by_id" integer, "title" character varying(500) NOT NULL, "prompt" text NOT NULL, "provider" character varying(32) NOT NULL DEFAULT \'OpenAI\', "provider_model_id" character varying(255) NOT NULL, "model_provider_connection_id" integer, "score" double precision, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c1fe0426ffcda62f8b5d899068e" PRIMARY KEY ("id"))',
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
      'CREATE TABLE "model_interface_associated_project" ("model_interface_id" integer NOT NULL, "project_id" integer NOT NULL, CONSTRAINT "PK_5166b1ba4d0d48faa86fdd99aaf" PRIMARY KEY ("model_interface_id", "project_id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_560dcce6fe91a3c16ed75df535" ON "model_interface_associated_project" ("project_id") ',
    );
    await queryRunner.query(
      'ALTER TABLE "model_interface" ADD CONSTRAINT "FK_97ca49d26ff7b806976fd4d1f04" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "model_interface" ADD CONSTRAINT "FK_79a9e99f71ece6f3e4052cc8719" FOREIGN KEY ("created_by_id") REFERENCES "htx_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "third_party_model_version" ADD CONSTRAINT "FK_3bc5ad0fa051836674d733c51db" FOREIGN KEY ("parent_model_id") REFERENCES "model_interface"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "third_party_model_version" ADD CONSTRAINT "FK_8b4330d9eadbff479d9cf504779" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "third_party_model_version" ADD CONSTRAINT "FK_66fa44088a01c578e6e511cd35e" FOREIGN KEY ("created_by_id") REFERENCES "htx_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "third_party_model_version" ADD CONSTRAINT "FK_7c967ee73f83e53cac032182d7c" FOREIGN KEY ("model_provider_connection_id") REFERENCES "model_provider_connection"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "model_interface_associated_project" ADD CONSTRAINT "FK_21b1dbd4e85d368809c982dca51" FOREIGN KEY ("model_interface_id") REFERENCES "model_interface"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "model_interface_associated_project" ADD CONSTRAINT "FK_560dcce6fe91a3c16ed75df535b" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "model_interface_associated_project" DROP CONSTRAINT "FK_560dcce6fe91a3c16ed75df535b"',
    );
    await queryRunner.query(
      'ALTER TABLE "model_interface_associated_project" DROP CONSTRAINT "FK_21b1dbd4e85d368809c982dca51"',
    );
    await queryRunner.query(
      'ALTER TABLE "third_party_model_version" DROP CONSTRAINT "FK_7c967ee73f83e53cac032182d7c"',
    );
    await queryRunner.query(
      'ALTER TABLE "third_party_model_version" DROP CONSTRAINT "FK_66fa44088a01c578e6e511cd35e"',
    );
    await queryRunner.query(
      'ALTER TABLE "third_party_model_version" DROP CONSTRAINT "FK_8b4330d9eadbff479d9cf504779"',
    );
    await queryRunner.query(
      'ALTER TABLE "third_party_model_version" DROP CONSTRAINT "FK_3bc5ad0fa051836674d733c51db"',
    );
    await queryRunner.query(
      'ALTER TABLE "model_interface" DROP CONSTRAINT "FK_79a9e99f71ece6f3e4052cc8719"',
    );
    await queryRunner.query(
      'ALTER TABLE "model_interface" DROP CONSTRAINT "FK_97ca49d26ff7b806976fd4d1f04"',
    );
    await queryRunner.query('DROP INDEX "public"."IDX_560dcce6fe91a3c16ed75df535"');
    await queryRunner.query('DROP TABLE "model_interface_associated_project"');
    await queryRunner.query('DROP INDEX "public"."IDX_10c51c9973e1471ea5717e7d56"');
    await queryRunner.query('DROP INDEX "public"."IDX_4032b4571c08d712b9aab96bdb"');
    await queryRunner.query('DROP INDEX "public"."IDX_7c967ee73f83e53cac032182d7"');
    await queryRunner.query('DROP TABLE "third_party_model_version"');
    await queryRunner.query('DROP INDEX "public"."IDX_131542844fceabcb43c6df3dc8"');
    await queryRunner.query('DROP TABLE "model_interface"');
  }
}
