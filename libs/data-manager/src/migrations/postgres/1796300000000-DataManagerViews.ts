import { MigrationInterface, QueryRunner } from 'typeorm';

export class DataManagerViewsPostgres1796300000000 implements MigrationInterface {
  name = 'DataManagerViewsPostgres1796300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "data_manager_view" ("id" SERIAL NOT NULL, "project_id" integer NOT NULL, "user_id" integer, "order" integer DEFAULT \'0\', "data" jsonb, "ordering" jsonb, "selected_items" jsonb, "filter_group" jsonb, "is_locked" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_7a8c0116a9237eba4be18482937" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_9636826f91fbcd211f587b88db" ON "data_manager_view" ("project_id", "order") ',
    );
    await queryRunner.query(
      'ALTER TABLE "data_manager_view" ADD CONSTRAINT "FK_f55a0aa25c963c659b0dfca0854" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "data_manager_view" ADD CONSTRAINT "FK_bbe24a9155107b6a64d81aa07c8" FOREIGN KEY ("user_id") REFERENCES "htx_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "data_manager_view" DROP CONSTRAINT "FK_bbe24a9155107b6a64d81aa07c8"',
    );
    await queryRunner.query(
      'ALTER TABLE "data_manager_view" DROP CONSTRAINT "FK_f55a0aa25c963c659b0dfca0854"',
    );
    await queryRunner.query('DROP INDEX "public"."IDX_9636826f91fbcd211f587b88db"');
    await queryRunner.query('DROP TABLE "data_manager_view"');
  }
}
