import { MigrationInterface, QueryRunner } from 'typeorm';

export class TaskAssignmentsPostgres1795929648493 implements MigrationInterface {
  name = 'TaskAssignmentsPostgres1795929648493';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "task_assignment" ("id" SERIAL NOT NULL, "task_id" integer NOT NULL, "assignee_id" integer NOT NULL, "type" character varying(2) NOT NULL DEFAULT \'AN\', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_bbd5007caf5731217005cccdc0d" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_d6ba98eb8af5e3e0508566a44c" ON "task_assignment" ("task_id", "assignee_id", "type") ',
    );
    await queryRunner.query(
      'ALTER TABLE "task_assignment" ADD CONSTRAINT "FK_5f8544ee8cfca009e58e0e52d89" FOREIGN KEY ("task_id") REFERENCES "task"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "task_assignment" ADD CONSTRAINT "FK_8c1139f486d991b5cf3919ec78f" FOREIGN KEY ("assignee_id") REFERENCES "htx_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "task_assignment" DROP CONSTRAINT "FK_8c1139f486d991b5cf3919ec78f"',
    );
    await queryRunner.query(
      'ALTER TABLE "task_assignment" DROP CONSTRAINT "FK_5f8544ee8cfca009e58e0e52d89"',
    );
    await queryRunner.query('DROP INDEX "public"."IDX_d6ba98eb8af5e3e0508566a44c"');
    await queryRunner.query('DROP TABLE "task_assignment"');
  }
}
