import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Workspaces and their members, explicit project members, project roles and pauses; projects
 * get a foreign key to their workspace.
 */
export class WorkspacesMembersPausesPostgres1796249650017 implements MigrationInterface {
  name = 'WorkspacesMembersPausesPostgres1796249650017';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "workspace" ("id" SERIAL NOT NULL, "organization_id" integer NOT NULL, "title" character varying(1000) NOT NULL, "description" text, "color" character varying(16), "is_personal" boolean NOT NULL DEFAULT false, "is_archived" boolean NOT NULL DEFAULT false, "created_by_id" integer, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ca86b6f9b3be5fe26d307d09b49" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_30830f23918b8a408caabfe6e9" ON "workspace" ("organization_id", "id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "project_member" ("id" SERIAL NOT NULL, "project_id" integer NOT NULL, "user_id" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_64dba8e9dcf96ce383cfd19d6fb" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_c5aa3e0aec43d3459e159d21dd" ON "project_member" ("user_id") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_0d739aa2794632a5a09276afb7" ON "project_member" ("project_id", "user_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "project_role" ("id" SERIAL NOT NULL, "project_id" integer NOT NULL, "user_id" integer NOT NULL, "role" character varying(2) NOT NULL, CONSTRAINT "PK_5974798305ac81d4a7d23ab1c6a" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_ea6d0daf812d520edd6ebddbc3" ON "project_role" ("user_id") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_30204a6e9429088c9b135fd023" ON "project_role" ("project_id", "user_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "pause" ("id" SERIAL NOT NULL, "project_id" integer NOT NULL, "user_id" integer NOT NULL, "paused_by_id" integer, "reason" character varying(32) NOT NULL, "verbose_reason" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "deleted_at" TIMESTAMP WITH TIME ZONE, "deleted_by_id" integer, CONSTRAINT "PK_8c7646cf2a3ddcda68d50ca8d5d" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_f6311351d0f0d49a27ccbe9d94" ON "pause" ("project_id", "user_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "workspace_member" ("id" SERIAL NOT NULL, "workspace_id" integer NOT NULL, "user_id" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a3a35f64bf30517010551467c6e" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_82b74268d8b7e1574fd744b390" ON "workspace_member" ("user_id") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_0eab76d5a9c509930a9f3d7a10" ON "workspace_member" ("workspace_id", "user_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_5cb157e3d3ab8abd16251129db" ON "project" ("workspace_id") ',
    );
    await queryRunner.query(
      'ALTER TABLE "workspace" ADD CONSTRAINT "FK_616e42551565ebdbb253948ebbd" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "workspace" ADD CONSTRAINT "FK_933a49110f80bcbae6bcce6a25e" FOREIGN KEY ("created_by_id") REFERENCES "htx_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "project" ADD CONSTRAINT "FK_5cb157e3d3ab8abd16251129dba" FOREIGN KEY ("workspace_id") REFERENCES "workspace"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "project_member" ADD CONSTRAINT "FK_aaef76230abfcdf30adb15d0be8" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "project_member" ADD CONSTRAINT "FK_c5aa3e0aec43d3459e159d21dd3" FOREIGN KEY ("user_id") REFERENCES "htx_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "project_role" ADD CONSTRAINT "FK_e8c1ec8033dcaf7f7542ee3050b" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "project_role" ADD CONSTRAINT "FK_ea6d0daf812d520edd6ebddbc38" FOREIGN KEY ("user_id") REFERENCES "htx_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "pause" ADD CONSTRAINT "FK_afc644a3cb7915a68e96d179412" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "pause" ADD CONSTRAINT "FK_9671a10acf9d758a320fa237fb7" FOREIGN KEY ("user_id") REFERENCES "htx_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "pause" ADD CONSTRAINT "FK_49284858715dbbac0c574c4f724" FOREIGN KEY ("paused_by_id") REFERENCES "htx_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "pause" ADD CONSTRAINT "FK_e067b5789103e50c32ce32d57fb" FOREIGN KEY ("deleted_by_id") REFERENCES "htx_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "workspace_member" ADD CONSTRAINT "FK_73d466cb93234025fe379fa5873" FOREIGN KEY ("workspace_id") REFERENCES "workspace"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "workspace_member" ADD CONSTRAINT "FK_82b74268d8b7e1574fd744b3903" FOREIGN KEY ("user_id") REFERENCES "htx_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "workspace_member" DROP CONSTRAINT "FK_82b74268d8b7e1574fd744b3903"',
    );
    await queryRunner.query(
      'ALTER TABLE "workspace_member" DROP CONSTRAINT "FK_73d466cb93234025fe379fa5873"',
    );
    await queryRunner.query('ALTER TABLE "pause" DROP CONSTRAINT "FK_e067b5789103e50c32ce32d57fb"');
    await queryRunner.query('ALTER TABLE "pause" DROP CONSTRAINT "FK_49284858715dbbac0c574c4f724"');
    await queryRunner.query('ALTER TABLE "pause" DROP CONSTRAINT "FK_9671a10acf9d758a320fa237fb7"');
    await queryRunner.query('ALTER TABLE "pause" DROP CONSTRAINT "FK_afc644a3cb7915a68e96d179412"');
    await queryRunner.query(
      'ALTER TABLE "project_role" DROP CONSTRAINT "FK_ea6d0daf812d520edd6ebddbc38"',
    );
    await queryRunner.query(
      'ALTER TABLE "project_role" DROP CONSTRAINT "FK_e8c1ec8033dcaf7f7542ee3050b"',
    );
    await queryRunner.query(
      'ALTER TABLE "project_member" DROP CONSTRAINT "FK_c5aa3e0aec43d3459e159d21dd3"',
    );
    await queryRunner.query(
      'ALTER TABLE "project_member" DROP CONSTRAINT "FK_aaef76230abfcdf30adb15d0be8"',
    );
    await queryRunner.query(
      'ALTER TABLE "project" DROP CONSTRAINT "FK_5cb157e3d3ab8abd16251129dba"',
    );
    await queryRunner.query(
      'ALTER TABLE "workspace" DROP CONSTRAINT "FK_933a49110f80bcbae6bcce6a25e"',
    );
    await queryRunner.query(
      'ALTER TABLE "workspace" DROP CONSTRAINT "FK_616e42551565ebdbb253948ebbd"',
    );
    await queryRunner.query('DROP INDEX "public"."IDX_5cb157e3d3ab8abd16251129db"');
    await queryRunner.query('DROP INDEX "public"."IDX_0eab76d5a9c509930a9f3d7a10"');
    await queryRunner.query('DROP INDEX "public"."IDX_82b74268d8b7e1574fd744b390"');
    await queryRunner.query('DROP TABLE "workspace_member"');
    await queryRunner.query('DROP INDEX "public"."IDX_f6311351d0f0d49a27ccbe9d94"');
    await queryRunner.query('DROP TABLE "pause"');
    await queryRunner.query('DROP INDEX "public"."IDX_30204a6e9429088c9b135fd023"');
    await queryRunner.query('DROP INDEX "public"."IDX_ea6d0daf812d520edd6ebddbc3"');
    await queryRunner.query('DROP TABLE "project_role"');
    await queryRunner.query('DROP INDEX "public"."IDX_0d739aa2794632a5a09276afb7"');
    await queryRunner.query('DROP INDEX "public"."IDX_c5aa3e0aec43d3459e159d21dd"');
    await queryRunner.query('DROP TABLE "project_member"');
    await queryRunner.query('DROP INDEX "public"."IDX_30830f23918b8a408caabfe6e9"');
    await queryRunner.query('DROP TABLE "workspace"');
  }
}
