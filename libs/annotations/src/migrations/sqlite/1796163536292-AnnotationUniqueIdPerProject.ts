import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `unique_id` is unique within a project instead of across every organization, so a caller
 * neither learns of another organization's ids nor is kept from using them. Going down fails if
 * two projects share a `unique_id` by then.
 */
export class AnnotationUniqueIdPerProjectSqlite1796163536292 implements MigrationInterface {
  name = 'AnnotationUniqueIdPerProjectSqlite1796163536292';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "IDX_35f1f20e944d89123b02d94539"');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_68fbd3ffd3ffbe71d81ec4cba9" ON "annotation" ("project_id", "unique_id") ',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "IDX_68fbd3ffd3ffbe71d81ec4cba9"');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_35f1f20e944d89123b02d94539" ON "annotation" ("unique_id") ',
    );
  }
}
