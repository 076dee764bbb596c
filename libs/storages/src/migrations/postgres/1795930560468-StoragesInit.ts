import { MigrationInterface, QueryRunner } from 'typeorm';

export class StoragesInitPostgres1795930560468 implements MigrationInterface {
  name = 'StoragesInitPostgres1795930560468';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "project_import" ("id" SERIAL NOT NULL, "project_id" integer NOT NULL, "status" character varying(16) NOT NULL DEFAULT \'created\', "commit_to_project" boolean NOT NULL DEFAULT true, "return_task_ids" boolean NOT NULL DEFAULT false, "preannotated_from_fields" jsonb, "url" text, "error" text, "task_count" integer NOT NULL DEFAULT \'0\', "annotation_count" integer NOT NULL DEFAULT \'0\', "prediction_count" integer NOT NULL DEFAULT \'0\', "duration" integer NOT NULL DEFAULT \'0\', "file_upload_ids" jsonb NOT NULL, "could_be_tasks_list" boolean NOT NULL DEFAULT false, "found_formats" jsonb NOT NULL, "data_columns" jsonb NOT NULL, "task_ids" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "finished_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_2b3fa07bf322b9c29a9192ca6bf" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'ALTER TABLE "project_import" ADD CONSTRAINT "FK_15b3f9ebf2d22db1d913aee5786" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "project_import" DROP CONSTRAINT "FK_15b3f9ebf2d22db1d913aee5786"',
    );
    await queryRunner.query('DROP TABLE "project_import"');
  }
}
