import { MigrationInterface, QueryRunner } from 'typeorm';

export class BrowserSessionsPostgres1796269193672 implements MigrationInterface {
  name = 'BrowserSessionsPostgres1796269193672';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "user_session" ("id" SERIAL NOT NULL, "token_hash" character varying(64) NOT NULL, "user_id" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE, "user_agent" character varying(512) NOT NULL DEFAULT \'\', "ip_address" character varying(64) NOT NULL DEFAULT \'\', CONSTRAINT "PK_adf3b49590842ac3cf54cac451a" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_9ccf6d901cef4067214284f327" ON "user_session" ("token_hash") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_13275383dcdf095ee29f2b3455" ON "user_session" ("user_id") ',
    );
    await queryRunner.query(
      'ALTER TABLE "user_session" ADD CONSTRAINT "FK_13275383dcdf095ee29f2b3455a" FOREIGN KEY ("user_id") REFERENCES "htx_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "user_session" DROP CONSTRAINT "FK_13275383dcdf095ee29f2b3455a"',
    );
    await queryRunner.query('DROP INDEX "public"."IDX_13275383dcdf095ee29f2b3455"');
    await queryRunner.query('DROP INDEX "public"."IDX_9ccf6d901cef4067214284f327"');
    await queryRunner.query('DROP TABLE "user_session"');
  }
}
