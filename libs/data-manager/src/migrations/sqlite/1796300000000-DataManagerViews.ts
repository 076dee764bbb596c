import { MigrationInterface, QueryRunner } from 'typeorm';

export class DataManagerViewsSqlite1796300000000 implements MigrationInterface {
  name = 'DataManagerViewsSqlite1796300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "data_manager_view" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "project_id" integer NOT NULL, "user_id" integer, "order" integer DEFAULT (0), "data" text, "ordering" text, "selected_items" text, "filter_group" text, "is_locked" boolean NOT NULL DEFAULT (0), "created_at" datetime NOT NULL DEFAULT (datetime(\'now\')), "updated_at" datetime NOT NULL DEFAULT (datetime(\'now\')), CONSTRAINT "FK_f55a0aa25c963c659b0dfca0854" FOREIGN KEY ("project_id") REFERENCES "project" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_bbe24a9155107b6a64d81aa07c8" FOREIGN KEY ("user_id") REFERENCES "htx_user" ("id") ON DELETE SET NULL ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_9636826f91fbcd211f587b88db" ON "data_manager_view" ("project_id", "order") ',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "IDX_9636826f91fbcd211f587b88db"');
    await queryRunner.query('DROP TABLE "data_manager_view"');
  }
}
