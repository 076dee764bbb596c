import { MigrationInterface, QueryRunner } from 'typeorm';

export class TaskLocksSqlite1796300000100 implements MigrationInterface {
  name = 'TaskLocksSqlite1796300000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "task_lock" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "task_id" integer NOT NULL, "user_id" integer NOT NULL, "expire_at" datetime NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime(\'now\')), CONSTRAINT "FK_task_lock_task" FOREIGN KEY ("task_id") REFERENCES "task" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_task_lock_user" FOREIGN KEY ("user_id") REFERENCES "htx_user" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_task_lock_task_user" ON "task_lock" ("task_id", "user_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_task_lock_task_expire" ON "task_lock" ("task_id", "expire_at") ',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "IDX_task_lock_task_expire"');
    await queryRunner.query('DROP INDEX "IDX_task_lock_task_user"');
    await queryRunner.query('DROP TABLE "task_lock"');
  }
}
