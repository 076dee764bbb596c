import { MigrationInterface, QueryRunner } from 'typeorm';

export class TaskEventsSqlite1795925062837 implements MigrationInterface {
  name = 'TaskEventsSqlite1795925062837';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "task_event" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "organization_id" integer NOT NULL, "project_id" integer NOT NULL, "task_id" integer NOT NULL, "actor_id" integer NOT NULL, "annotation_id" integer, "annotation_draft_id" integer, "review_id" integer, "event_key" varchar(255) NOT NULL, "event_time" datetime NOT NULL, "meta" text, "created_at" datetime NOT NULL DEFAULT (datetime(\'now\')))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_6e5d2b3cb4990b783cd0f356e3" ON "task_event" ("task_id", "event_time") ',
    );
    await queryRunner.query('DROP INDEX "IDX_6e5d2b3cb4990b783cd0f356e3"');
    await queryRunner.query(
      'CREATE TABLE "temporary_task_event" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "organization_id" integer NOT NULL, "project_id" integer NOT NULL, "task_id" integer NOT NULL, "actor_id" integer NOT NULL, "annotation_id" integer, "annotation_draft_id" integer, "review_id" integer, "event_key" varchar(255) NOT NULL, "event_time" datetime NOT NULL, "meta" text, "created_at" datetime NOT NULL DEFAULT (datetime(\'now\')), CONSTRAINT "FK_5edb3fbbffa945ce9c46780f5dd" FOREIGN KEY ("task_id") REFERENCES "task" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_task_event"("id", "organization_id", "project_id", "task_id", "actor_id", "annotation_id", "annotation_draft_id", "review_id", "event_key", "event_time", "meta", "created_at") SELECT "id", "organization_id", "project_id", "task_id", "actor_id", "annotation_id", "annotation_draft_id", "review_id", "event_key", "event_time", "meta", "created_at" FROM "task_event"',
    );
    await queryRunner.query('DROP TABLE "task_event"');
    await queryRunner.query('ALTER TABLE "temporary_task_event" RENAME TO "task_event"');
    await queryRunner.query(
      'CREATE INDEX "IDX_6e5d2b3cb4990b783cd0f356e3" ON "task_event" ("task_id", "event_time") ',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "IDX_6e5d2b3cb4990b783cd0f356e3"');
    await queryRunner.query('ALTER TABLE "task_event" RENAME TO "temporary_task_event"');
    await queryRunner.query(
      'CREATE TABLE "task_event" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "organization_id" integer NOT NULL, "project_id" integer NOT NULL, "task_id" integer NOT NULL, "actor_id" integer NOT NULL, "annotation_id" integer, "annotation_draft_id" integer, "review_id" integer, "event_key" varchar(255) NOT NULL, "event_time" datetime NOT NULL, "meta" text, "created_at" datetime NOT NULL DEFAULT (datetime(\'now\')))',
    );
    await queryRunner.query(
      'INSERT INTO "task_event"("id", "organization_id", "project_id", "task_id", "actor_id", "annotation_id", "annotation_draft_id", "review_id", "event_key", "event_time", "meta", "created_at") SELECT "id", "organization_id", "project_id", "task_id", "actor_id", "annotation_id", "annotation_draft_id", "review_id", "event_key", "event_time", "meta", "created_at" FROM "temporary_task_event"',
    );
    await queryRunner.query('DROP TABLE "temporary_task_event"');
    await queryRunner.query(
      'CREATE INDEX "IDX_6e5d2b3cb4990b783cd0f356e3" ON "task_event" ("task_id", "event_time") ',
    );
    await queryRunner.query('DROP INDEX "IDX_6e5d2b3cb4990b783cd0f356e3"');
    await queryRunner.query('DROP TABLE "task_event"');
  }
}
