import { MigrationInterface, QueryRunner } from 'typeorm';

/** A new table only: created with its foreign key (no table rebuild needed). */
export class BrowserSessionsSqlite1796269193672 implements MigrationInterface {
  name = 'BrowserSessionsSqlite1796269193672';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "user_session" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "token_hash" varchar(64) NOT NULL, "user_id" integer NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime(\'now\')), "last_seen_at" datetime NOT NULL, "expires_at" datetime NOT NULL, "revoked_at" datetime, "user_agent" varchar(512) NOT NULL DEFAULT (\'\'), "ip_address" varchar(64) NOT NULL DEFAULT (\'\'), CONSTRAINT "FK_13275383dcdf095ee29f2b3455a" FOREIGN KEY ("user_id") REFERENCES "htx_user" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_9ccf6d901cef4067214284f327" ON "user_session" ("token_hash") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_13275383dcdf095ee29f2b3455" ON "user_session" ("user_id") ',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "IDX_13275383dcdf095ee29f2b3455"');
    await queryRunner.query('DROP INDEX "IDX_9ccf6d901cef4067214284f327"');
    await queryRunner.query('DROP TABLE "user_session"');
  }
}
