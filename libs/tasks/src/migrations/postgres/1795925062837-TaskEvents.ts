import { MigrationInterface, QueryRunner } from 'typeorm';

export class TaskEventsPostgres1795925062837 implements MigrationInterface {
  name = 'TaskEventsPostgres1795925062837';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "task_event" ("id" SERIAL NOT NULL, "organization_id" integer NOT NULL, "project_id" integer NOT NULL, "task_id" integer NOT NULL, "actor_id" integer NOT NULL, "annotation_id" integer, "annotation_draft_id" integer, "review_id" integer, "event_key" character varying(255) NOT NULL, "event_time" TIMESTAMP WITH TIME ZONE NOT NULL, "meta" jsonb, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5512953f207de074aea7e6b1515" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_6e5d2b3cb4990b783cd0f356e3" ON "task_event" ("task_id", "event_time") ',
    );
    await queryRunner.query(
      'ALTER TABLE "task_event" ADD CONSTRAINT "FK_5edb3fbbffa945ce9c46780f5dd" FOREIGN KEY ("task_id") REFERENCES "task"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "task_event" DROP CONSTRAINT "FK_5edb3fbbffa945ce9c46780f5dd"',
    );
    await queryRunner.query('DROP INDEX "public"."IDX_6e5d2b3cb4990b783cd0f356e3"');
    await queryRunner.query('DROP TABLE "task_event"');
  }
}
