import { MigrationInterface, QueryRunner } from 'typeorm';

export class TaskAssignmentsSqlite1795929648493 implements MigrationInterface {
  name = 'TaskAssignmentsSqlite1795929648493';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "task_assignment" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "task_id" integer NOT NULL, "assignee_id" integer NOT NULL, "type" varchar(2) NOT NULL DEFAULT (\'AN\'), "created_at" datetime NOT NULL DEFAULT (datetime(\'now\')))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_d6ba98eb8af5e3e0508566a44c" ON "task_assignment" ("task_id", "assignee_id", "type") ',
    );
    await queryRunner.query('DROP INDEX "IDX_d6ba98eb8af5e3e0508566a44c"');
    await queryRunner.query(
      'CREATE TABLE "temporary_task_assignment" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "task_id" integer NOT NULL, "assignee_id" integer NOT NULL, "type" varchar(2) NOT NULL DEFAULT (\'AN\'), "created_at" datetime NOT NULL DEFAULT (datetime(\'now\')), CONSTRAINT "FK_5f8544ee8cfca009e58e0e52d89" FOREIGN KEY ("task_id") REFERENCES "task" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_8c1139f486d991b5cf3919ec78f" FOREIGN KEY ("assignee_id") REFERENCES "htx_user" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_task_assignment"("id", "task_id", "assignee_id", "type", "created_at") SELECT "id", "task_id", "assignee_id", "type", "created_at" FROM "task_assignment"',
    );
    await queryRunner.query('DROP TABLE "task_assignment"');
    await queryRunner.query('ALTER TABLE "temporary_task_assignment" RENAME TO "task_assignment"');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_d6ba98eb8af5e3e0508566a44c" ON "task_assignment" ("task_id", "assignee_id", "type") ',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "IDX_d6ba98eb8af5e3e0508566a44c"');
    await queryRunner.query('ALTER TABLE "task_assignment" RENAME TO "temporary_task_assignment"');
    await queryRunner.query(
      'CREATE TABLE "task_assignment" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "task_id" integer NOT NULL, "assignee_id" integer NOT NULL, "type" varchar(2) NOT NULL DEFAULT (\'AN\'), "created_at" datetime NOT NULL DEFAULT (datetime(\'now\')))',
    );
    await queryRunner.query(
      'INSERT INTO "task_assignment"("id", "task_id", "assignee_id", "type", "created_at") SELECT "id", "task_id", "assignee_id", "type", "created_at" FROM "temporary_task_assignment"',
    );
    await queryRunner.query('DROP TABLE "temporary_task_assignment"');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_d6ba98eb8af5e3e0508566a44c" ON "task_assignment" ("task_id", "assignee_id", "type") ',
    );
    await queryRunner.query('DROP INDEX "IDX_d6ba98eb8af5e3e0508566a44c"');
    await queryRunner.query('DROP TABLE "task_assignment"');
  }
}
