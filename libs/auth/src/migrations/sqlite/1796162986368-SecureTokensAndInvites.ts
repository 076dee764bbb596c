import { createHash } from 'node:crypto';
import { MigrationInterface, QueryRunner } from 'typeorm';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * Legacy keys are kept as their SHA-256 only (existing keys keep working; they cannot be shown
 * again until reset), and invitations get a table of their own.
 */
export class SecureTokensAndInvitesSqlite1796162986368 implements MigrationInterface {
  name = 'SecureTokensAndInvitesSqlite1796162986368';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "organization_invite" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "organization_id" integer NOT NULL, "email" varchar(254) NOT NULL, "role" varchar(2) NOT NULL, "token_hash" varchar(64) NOT NULL, "invited_by_id" integer, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "expires_at" datetime NOT NULL, "accepted_at" datetime, "revoked_at" datetime, CONSTRAINT "FK_026f7b81efdb07af5e1fafb4969" FOREIGN KEY ("organization_id") REFERENCES "organization" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_33b9328d3751e378fb59150e4a" ON "organization_invite" ("token_hash") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_4d04402ce05a707f0503d5c5ce" ON "organization_invite" ("organization_id", "email") ',
    );
    await queryRunner.query(
      `CREATE TABLE "temporary_authtoken_token" ("key_hash" varchar(64) PRIMARY KEY NOT NULL, "key_sealed" text, "user_id" integer NOT NULL, "created" datetime NOT NULL DEFAULT (datetime('now')))`,
    );
    // SQLite has no SHA-256 of its own: the few existing keys are hashed here.
    const tokens: { key: string; user_id: number; created: string }[] = await queryRunner.query(
      'SELECT "key", "user_id", "created" FROM "authtoken_token"',
    );
    for (const token of tokens) {
      await queryRunner.query(
        'INSERT INTO "temporary_authtoken_token" ("key_hash", "key_sealed", "user_id", "created") VALUES (?, NULL, ?, ?)',
        [sha256(token.key), token.user_id, token.created],
      );
    }
    await queryRunner.query('DROP INDEX "IDX_f12681df59b9e8e531520b55a4"');
    await queryRunner.query('DROP TABLE "authtoken_token"');
    await queryRunner.query('ALTER TABLE "temporary_authtoken_token" RENAME TO "authtoken_token"');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_f12681df59b9e8e531520b55a4" ON "authtoken_token" ("user_id") ',
    );
  }

  /** Keys cannot be recovered from their hashes: after going back, every user resets theirs. */
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "IDX_f12681df59b9e8e531520b55a4"');
    await queryRunner.query('DROP TABLE "authtoken_token"');
    await queryRunner.query(
      `CREATE TABLE "authtoken_token" ("key" varchar(40) PRIMARY KEY NOT NULL, "user_id" integer NOT NULL, "created" datetime NOT NULL DEFAULT (datetime('now')))`,
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_f12681df59b9e8e531520b55a4" ON "authtoken_token" ("user_id") ',
    );
    await queryRunner.query('DROP INDEX "IDX_4d04402ce05a707f0503d5c5ce"');
    await queryRunner.query('DROP INDEX "IDX_33b9328d3751e378fb59150e4a"');
    await queryRunner.query('DROP TABLE "organization_invite"');
  }
}
