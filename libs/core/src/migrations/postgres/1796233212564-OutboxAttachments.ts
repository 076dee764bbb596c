import { MigrationInterface, QueryRunner } from 'typeorm';

export class OutboxAttachmentsPostgres1796233212564 implements MigrationInterface {
  name = 'OutboxAttachmentsPostgres1796233212564';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "outbox_event" ADD "attachments" jsonb');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "outbox_event" DROP COLUMN "attachments"');
  }
}
