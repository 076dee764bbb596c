import { MigrationInterface, QueryRunner } from 'typeorm';

/** What the data manager's task list filters and orders by most, within one project. */
const INDEXES: Record<string, string> = {
  IDX_task_project_id_id: '"project_id", "id"',
  IDX_task_project_id_created_at: '"project_id", "created_at"',
  IDX_task_project_id_updated_at: '"project_id", "updated_at"',
  // Also covers the list's totals: COUNT and the sums read the index alone.
  IDX_task_project_id_counters: '"project_id", "total_annotations", "total_predictions"',
};

const DATA_INDEX = 'IDX_task_data_path_ops';

export class TaskListIndexesPostgres1796300000200 implements MigrationInterface {
  name = 'TaskListIndexesPostgres1796300000200';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const [name, columns] of Object.entries(INDEXES)) {
      await queryRunner.query(`CREATE INDEX "${name}" ON "task" (${columns})`);
    }
    // Answers `data @> {...}`, which equality filters on data fields add (jsonb_path_ops: smaller
    // and faster than the default operator class, and containment is all it is asked).
    await queryRunner.query(
      `CREATE INDEX "${DATA_INDEX}" ON "task" USING gin ("data" jsonb_path_ops)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."${DATA_INDEX}"`);
    for (const name of Object.keys(INDEXES)) {
      await queryRunner.query(`DROP INDEX "public"."${name}"`);
    }
  }
}
