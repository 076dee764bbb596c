import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Written by hand rather than generated: the generated table rebuild would restart the ids of
 * an empty outbox, and deliveries are unique per event id.
 */
export class OutboxAttachmentsSqlite1796233212564 implements MigrationInterface {
  name = 'OutboxAttachmentsSqlite1796233212564';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "outbox_event" ADD COLUMN "attachments" text');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "outbox_event" DROP COLUMN "attachments"');
  }
}
