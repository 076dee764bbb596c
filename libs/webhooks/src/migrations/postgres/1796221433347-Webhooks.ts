import { MigrationInterface, QueryRunner } from 'typeorm';

export class WebhooksPostgres1796221433347 implements MigrationInterface {
  name = 'WebhooksPostgres1796221433347';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "webhook" ("id" SERIAL NOT NULL, "organization_id" integer NOT NULL, "project_id" integer, "url" character varying(2048) NOT NULL, "send_payload" boolean NOT NULL DEFAULT true, "send_for_all_actions" boolean NOT NULL DEFAULT true, "headers" jsonb NOT NULL, "is_active" boolean NOT NULL DEFAULT true, "actions" jsonb NOT NULL, "sealed_secret" text NOT NULL, "consecutive_failures" integer NOT NULL DEFAULT \'0\', "delivering_until" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e6765510c2d078db49632b59020" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_910c3c5503e53b62bbd0faa568" ON "webhook" ("organization_id", "project_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "webhook_delivery" ("id" SERIAL NOT NULL, "webhook_id" integer NOT NULL, "event_id" integer NOT NULL, "part" integer NOT NULL DEFAULT \'0\', "delivery_id" character varying(36) NOT NULL, "action" character varying(32) NOT NULL, "body" text NOT NULL, "status" character varying(16) NOT NULL DEFAULT \'pending\', "attempts" integer NOT NULL DEFAULT \'0\', "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL, "last_status_code" integer, "last_error" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "finished_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_b1ae290239a778f12399db91354" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "webhook_delivery_queue_idx" ON "webhook_delivery" ("webhook_id", "status", "event_id", "part") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_76b3f3c4dee4cf7b592f0e5c26" ON "webhook_delivery" ("webhook_id", "event_id", "part") ',
    );
    await queryRunner.query(
      'ALTER TABLE "webhook" ADD CONSTRAINT "FK_2d4f7f00655c8aa6a4bb69a9add" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "webhook" ADD CONSTRAINT "FK_95bc3b4bf6b329b6c6dd2ed2174" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "webhook_delivery" ADD CONSTRAINT "FK_ef25cc28dcf88ea3dd81f39af2d" FOREIGN KEY ("webhook_id") REFERENCES "webhook"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "webhook_delivery" DROP CONSTRAINT "FK_ef25cc28dcf88ea3dd81f39af2d"',
    );
    await queryRunner.query(
      'ALTER TABLE "webhook" DROP CONSTRAINT "FK_95bc3b4bf6b329b6c6dd2ed2174"',
    );
    await queryRunner.query(
      'ALTER TABLE "webhook" DROP CONSTRAINT "FK_2d4f7f00655c8aa6a4bb69a9add"',
    );
    await queryRunner.query('DROP INDEX "public"."IDX_76b3f3c4dee4cf7b592f0e5c26"');
    await queryRunner.query('DROP INDEX "public"."webhook_delivery_queue_idx"');
    await queryRunner.query('DROP TABLE "webhook_delivery"');
    await queryRunner.query('DROP INDEX "public"."IDX_910c3c5503e53b62bbd0faa568"');
    await queryRunner.query('DROP TABLE "webhook"');
  }
}
