import { MigrationInterface, QueryRunner } from 'typeorm';

export class PromptRefinementsPostgres1796285448291 implements MigrationInterface {
  name = 'PromptRefinementsPostgres1796285448291';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "prompt_refinement" ("id" SERIAL NOT NULL, "job_id" character varying(64) NOT NULL, "organization_id" integer NOT NULL, "prompt_id" integer NOT NULL, "version_id" integer NOT NULL, "refined_version_id" integer, "project_id" integer NOT NULL, "teacher_connection_id" integer, "teacher_model_name" character varying(255) NOT NULL, "created_by_id" integer, "status" character varying(16) NOT NULL, "title" character varying(500), "prompt" text, "reasoning" text, "error" text, "total_cost" double precision, "completed_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f70b77017bfe9f23f362a624ecb" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_f808e74b5a1e9a4358cf23a606" ON "prompt_refinement" ("job_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_a60e8733cd39a51db7edfbc4e3" ON "prompt_refinement" ("organization_id", "version_id") ',
    );
    await queryRunner.query(
      'ALTER TABLE "prompt_refinement" ADD CONSTRAINT "FK_a568687281d414fa311097a3cb2" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "prompt_refinement" ADD CONSTRAINT "FK_316726f3d8167aece9c28bd00b0" FOREIGN KEY ("version_id") REFERENCES "third_party_model_version"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "prompt_refinement" ADD CONSTRAINT "FK_dce58ec0c4611972ec4d7d81e74" FOREIGN KEY ("refined_version_id") REFERENCES "third_party_model_version"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "prompt_refinement" ADD CONSTRAINT "FK_9248b5de12e5b1b90db7fc1ab8c" FOREIGN KEY ("teacher_connection_id") REFERENCES "model_provider_connection"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "prompt_refinement" ADD CONSTRAINT "FK_fbb45466d53f6cfa34e0be1222c" FOREIGN KEY ("created_by_id") REFERENCES "htx_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "prompt_refinement" DROP CONSTRAINT "FK_fbb45466d53f6cfa34e0be1222c"',
    );
    await queryRunner.query(
      'ALTER TABLE "prompt_refinement" DROP CONSTRAINT "FK_9248b5de12e5b1b90db7fc1ab8c"',
    );
    await queryRunner.query(
      'ALTER TABLE "prompt_refinement" DROP CONSTRAINT "FK_dce58ec0c4611972ec4d7d81e74"',
    );
    await queryRunner.query(
      'ALTER TABLE "prompt_refinement" DROP CONSTRAINT "FK_316726f3d8167aece9c28bd00b0"',
    );
    await queryRunner.query(
      'ALTER TABLE "prompt_refinement" DROP CONSTRAINT "FK_a568687281d414fa311097a3cb2"',
    );
    await queryRunner.query('DROP INDEX "public"."IDX_a60e8733cd39a51db7edfbc4e3"');
    await queryRunner.query('DROP INDEX "public"."IDX_f808e74b5a1e9a4358cf23a606"');
    await queryRunner.query('DROP TABLE "prompt_refinement"');
  }
}
