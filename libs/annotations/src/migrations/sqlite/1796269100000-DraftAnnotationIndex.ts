import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Drafts by annotation: saving an annotation deletes the drafts of its edits, and deleting it
 * cascades to them.
 */
export class DraftAnnotationIndexSqlite1796269100000 implements MigrationInterface {
  name = 'DraftAnnotationIndexSqlite1796269100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE INDEX "IDX_annotation_draft_annotation" ON "annotation_draft" ("annotation_id") ',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "IDX_annotation_draft_annotation"');
  }
}
