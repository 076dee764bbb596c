import { MigrationInterface, QueryRunner } from 'typeorm';

export class OutboxPostgres1796221048448 implements MigrationInterface {
  name = 'OutboxPostgres1796221048448';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "outbox_event" ("id" SERIAL NOT NULL, "name" character varying(120) NOT NULL, "payload" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "available_at" TIMESTAMP WITH TIME ZONE NOT NULL, "attempts" integer NOT NULL DEFAULT \'0\', "last_error" text, CONSTRAINT "PK_cc0c9e40998e45ecfc5e313429d" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "outbox_event_available_idx" ON "outbox_event" ("available_at", "id") ',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."outbox_event_available_idx"');
    await queryRunner.query('DROP TABLE "outbox_event"');
  }
}
