import { MigrationInterface, QueryRunner } from 'typeorm';

export class WebhooksSqlite1796221433347 implements MigrationInterface {
  name = 'WebhooksSqlite1796221433347';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "webhook" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "organization_id" integer NOT NULL, "project_id" integer, "url" varchar(2048) NOT NULL, "send_payload" boolean NOT NULL DEFAULT (1), "send_for_all_actions" boolean NOT NULL DEFAULT (1), "headers" text NOT NULL, "is_active" boolean NOT NULL DEFAULT (1), "actions" text NOT NULL, "sealed_secret" text NOT NULL, "consecutive_failures" integer NOT NULL DEFAULT (0), "delivering_until" datetime, "created_at" datetime NOT NULL DEFAULT (datetime(\'now\')), "updated_at" datetime NOT NULL DEFAULT (datetime(\'now\')), CONSTRAINT "FK_2d4f7f00655c8aa6a4bb69a9add" FOREIGN KEY ("organization_id") REFERENCES "organization" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_95bc3b4bf6b329b6c6dd2ed2174" FOREIGN KEY ("project_id") REFERENCES "project" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_910c3c5503e53b62bbd0faa568" ON "webhook" ("organization_id", "project_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "webhook_delivery" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "webhook_id" integer NOT NULL, "event_id" integer NOT NULL, "part" integer NOT NULL DEFAULT (0), "delivery_id" varchar(36) NOT NULL, "action" varchar(32) NOT NULL, "body" text NOT NULL, "status" varchar(16) NOT NULL DEFAULT (\'pending\'), "attempts" integer NOT NULL DEFAULT (0), "next_attempt_at" datetime NOT NULL, "last_status_code" integer, "last_error" text, "created_at" datetime NOT NULL DEFAULT (datetime(\'now\')), "finished_at" datetime, CONSTRAINT "FK_ef25cc28dcf88ea3dd81f39af2d" FOREIGN KEY ("webhook_id") REFERENCES "webhook" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'CREATE INDEX "webhook_delivery_queue_idx" ON "webhook_delivery" ("webhook_id", "status", "event_id", "part") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_76b3f3c4dee4cf7b592f0e5c26" ON "webhook_delivery" ("webhook_id", "event_id", "part") ',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "webhook_delivery"');
    await queryRunner.query('DROP TABLE "webhook"');
  }
}
