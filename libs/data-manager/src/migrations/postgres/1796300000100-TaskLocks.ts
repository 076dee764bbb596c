import { MigrationInterface, QueryRunner } from 'typeorm';

export class TaskLocksPostgres1796300000100 implements MigrationInterface {
  name = 'TaskLocksPostgres1796300000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "task_lock" ("id" SERIAL NOT NULL, "task_id" integer NOT NULL, "user_id" integer NOT NULL, "expire_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_task_lock" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_task_lock_task_user" ON "task_lock" ("task_id", "user_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_task_lock_task_expire" ON "task_lock" ("task_id", "expire_at") ',
    );
    await queryRunner.query(
      'ALTER TABLE "task_lock" ADD CONSTRAINT "FK_task_lock_task" FOREIGN KEY ("task_id") REFERENCES "task"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "task_lock" ADD CONSTRAINT "FK_task_lock_user" FOREIGN KEY ("user_id") REFERENCES "htx_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "task_lock" DROP CONSTRAINT "FK_task_lock_user"');
    await queryRunner.query('ALTER TABLE "task_lock" DROP CONSTRAINT "FK_task_lock_task"');
    await queryRunner.query('DROP INDEX "public"."IDX_task_lock_task_expire"');
    await queryRunner.query('DROP INDEX "public"."IDX_task_lock_task_user"');
    await queryRunner.query('DROP TABLE "task_lock"');
  }
}
