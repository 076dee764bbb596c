import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Legacy keys are kept as their SHA-256 only (existing keys keep working; they cannot be shown
 * again until reset), and invitations get a table of their own.
 */
export class SecureTokensAndInvitesPostgres1796162986368 implements MigrationInterface {
  name = 'SecureTokensAndInvitesPostgres1796162986368';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "organization_invite" ("id" SERIAL NOT NULL, "organization_id" integer NOT NULL, "email" character varying(254) NOT NULL, "role" character varying(2) NOT NULL, "token_hash" character varying(64) NOT NULL, "invited_by_id" integer, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "accepted_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_b36f8c9832b1a4b21118585f8b7" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_33b9328d3751e378fb59150e4a" ON "organization_invite" ("token_hash") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_4d04402ce05a707f0503d5c5ce" ON "organization_invite" ("organization_id", "email") ',
    );
    await queryRunner.query(
      'ALTER TABLE "organization_invite" ADD CONSTRAINT "FK_026f7b81efdb07af5e1fafb4969" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "authtoken_token" ADD "key_hash" character varying(64), ADD "key_sealed" text',
    );
    await queryRunner.query(
      `UPDATE "authtoken_token" SET "key_hash" = encode(sha256(convert_to("key", 'UTF8')), 'hex')`,
    );
    await queryRunner.query(
      'ALTER TABLE "authtoken_token" DROP CONSTRAINT "PK_5f0bd08fc878db5dd51c15a4050", DROP COLUMN "key", ALTER COLUMN "key_hash" SET NOT NULL',
    );
    await queryRunner.query(
      'ALTER TABLE "authtoken_token" ADD CONSTRAINT "PK_b59cdbdc3a4fffbde0dbdd5be82" PRIMARY KEY ("key_hash")',
    );
  }

  /** Keys cannot be recovered from their hashes: after going back, every user resets theirs. */
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DELETE FROM "authtoken_token"');
    await queryRunner.query(
      'ALTER TABLE "authtoken_token" DROP CONSTRAINT "PK_b59cdbdc3a4fffbde0dbdd5be82", DROP COLUMN "key_sealed", DROP COLUMN "key_hash"',
    );
    await queryRunner.query(
      'ALTER TABLE "authtoken_token" ADD "key" character varying(40) NOT NULL, ADD CONSTRAINT "PK_5f0bd08fc878db5dd51c15a4050" PRIMARY KEY ("key")',
    );
    await queryRunner.query('DROP TABLE "organization_invite"');
  }
}
