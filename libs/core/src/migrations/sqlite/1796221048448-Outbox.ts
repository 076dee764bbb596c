import { MigrationInterface, QueryRunner } from 'typeorm';

export class OutboxSqlite1796221048448 implements MigrationInterface {
  name = 'OutboxSqlite1796221048448';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "outbox_event" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "name" varchar(120) NOT NULL, "payload" text NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime(\'now\')), "available_at" datetime NOT NULL, "attempts" integer NOT NULL DEFAULT (0), "last_error" text)',
    );
    await queryRunner.query(
      'CREATE INDEX "outbox_event_available_idx" ON "outbox_event" ("available_at", "id") ',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "outbox_event_available_idx"');
    await queryRunner.query('DROP TABLE "outbox_event"');
  }
}
