import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Workspaces and their members, explicit project members, project roles and pauses; projects
 * get a foreign key to their workspace. SQLite cannot add one to a table: `project` is rebuilt
 * (rows copied) the way that keeps the references of other tables to it (never renaming
 * `project` itself, which would rewrite them).
 */
export class WorkspacesMembersPausesSqlite1796249650017 implements MigrationInterface {
  name = 'WorkspacesMembersPausesSqlite1796249650017';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "workspace" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "organization_id" integer NOT NULL, "title" varchar(1000) NOT NULL, "description" text, "color" varchar(16), "is_personal" boolean NOT NULL DEFAULT (0), "is_archived" boolean NOT NULL DEFAULT (0), "created_by_id" integer, "created_at" datetime NOT NULL DEFAULT (datetime(\'now\')), "updated_at" datetime NOT NULL DEFAULT (datetime(\'now\')), CONSTRAINT "FK_616e42551565ebdbb253948ebbd" FOREIGN KEY ("organization_id") REFERENCES "organization" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_933a49110f80bcbae6bcce6a25e" FOREIGN KEY ("created_by_id") REFERENCES "htx_user" ("id") ON DELETE SET NULL ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_30830f23918b8a408caabfe6e9" ON "workspace" ("organization_id", "id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "project_member" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "project_id" integer NOT NULL, "user_id" integer NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime(\'now\')), CONSTRAINT "FK_aaef76230abfcdf30adb15d0be8" FOREIGN KEY ("project_id") REFERENCES "project" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_c5aa3e0aec43d3459e159d21dd3" FOREIGN KEY ("user_id") REFERENCES "htx_user" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_c5aa3e0aec43d3459e159d21dd" ON "project_member" ("user_id") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_0d739aa2794632a5a09276afb7" ON "project_member" ("project_id", "user_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "project_role" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "project_id" integer NOT NULL, "user_id" integer NOT NULL, "role" varchar(2) NOT NULL, CONSTRAINT "FK_e8c1ec8033dcaf7f7542ee3050b" FOREIGN KEY ("project_id") REFERENCES "project" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_ea6d0daf812d520edd6ebddbc38" FOREIGN KEY ("user_id") REFERENCES "htx_user" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_ea6d0daf812d520edd6ebddbc3" ON "project_role" ("user_id") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_30204a6e9429088c9b135fd023" ON "project_role" ("project_id", "user_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "pause" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "project_id" integer NOT NULL, "user_id" integer NOT NULL, "paused_by_id" integer, "reason" varchar(32) NOT NULL, "verbose_reason" text, "created_at" datetime NOT NULL DEFAULT (datetime(\'now\')), "updated_at" datetime NOT NULL DEFAULT (datetime(\'now\')), "deleted_at" datetime, "deleted_by_id" integer, CONSTRAINT "FK_afc644a3cb7915a68e96d179412" FOREIGN KEY ("project_id") REFERENCES "project" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_9671a10acf9d758a320fa237fb7" FOREIGN KEY ("user_id") REFERENCES "htx_user" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_49284858715dbbac0c574c4f724" FOREIGN KEY ("paused_by_id") REFERENCES "htx_user" ("id") ON DELETE SET NULL ON UPDATE NO ACTION, CONSTRAINT "FK_e067b5789103e50c32ce32d57fb" FOREIGN KEY ("deleted_by_id") REFERENCES "htx_user" ("id") ON DELETE SET NULL ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_f6311351d0f0d49a27ccbe9d94" ON "pause" ("project_id", "user_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "workspace_member" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "workspace_id" integer NOT NULL, "user_id" integer NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime(\'now\')), CONSTRAINT "FK_73d466cb93234025fe379fa5873" FOREIGN KEY ("workspace_id") REFERENCES "workspace" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_82b74268d8b7e1574fd744b3903" FOREIGN KEY ("user_id") REFERENCES "htx_user" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_82b74268d8b7e1574fd744b390" ON "workspace_member" ("user_id") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_0eab76d5a9c509930a9f3d7a10" ON "workspace_member" ("workspace_id", "user_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_5cb157e3d3ab8abd16251129db" ON "project" ("workspace_id") ',
    );
    await queryRunner.query('DROP INDEX "IDX_d70f8968fc3145889d08492fc2"');
    await queryRunner.query('DROP INDEX "IDX_5cb157e3d3ab8abd16251129db"');
    await queryRunner.query(
      'CREATE TABLE "temporary_project" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "organization_id" integer NOT NULL, "workspace_id" integer, "title" varchar(50), "description" text, "label_config" text NOT NULL DEFAULT (\'<View></View>\'), "parsed_label_config" text NOT NULL, "data_types" text NOT NULL, "config_suitable_for_bulk_annotation" boolean NOT NULL DEFAULT (1), "control_weights" text, "expert_instruction" text, "show_instruction" boolean NOT NULL DEFAULT (0), "show_skip_button" boolean NOT NULL DEFAULT (1), "enable_empty_annotation" boolean NOT NULL DEFAULT (1), "show_annotation_history" boolean NOT NULL DEFAULT (0), "color" varchar(16) DEFAULT (\'#FFFFFF\'), "maximum_annotations" integer NOT NULL DEFAULT (1), "is_published" boolean NOT NULL DEFAULT (0), "model_version" text DEFAULT (\'\'), "is_draft" boolean NOT NULL DEFAULT (0), "created_by_id" integer, "created_at" datetime NOT NULL DEFAULT (datetime(\'now\')), "updated_at" datetime NOT NULL DEFAULT (datetime(\'now\')), "min_annotations_to_start_training" integer NOT NULL DEFAULT (0), "start_training_on_annotation_update" boolean NOT NULL DEFAULT (0), "show_collab_predictions" boolean NOT NULL DEFAULT (1), "sampling" varchar(32) DEFAULT (\'Sequential sampling\'), "show_ground_truth_first" boolean NOT NULL DEFAULT (0), "show_overlap_first" boolean NOT NULL DEFAULT (0), "overlap_cohort_percentage" integer NOT NULL DEFAULT (100), "task_data_login" varchar(256), "task_data_password" varchar(256), "evaluate_predictions_automatically" boolean NOT NULL DEFAULT (0), "skip_queue" varchar(32) DEFAULT (\'REQUEUE_FOR_OTHERS\'), "reveal_preannotations_interactively" boolean NOT NULL DEFAULT (0), "pinned_at" datetime, "settings" text NOT NULL, CONSTRAINT "FK_e155d8f98ec858daa457d6ff291" FOREIGN KEY ("created_by_id") REFERENCES "htx_user" ("id") ON DELETE SET NULL ON UPDATE NO ACTION, CONSTRAINT "FK_e4616ee32e66481cf9b9f1a6466" FOREIGN KEY ("organization_id") REFERENCES "organization" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_5cb157e3d3ab8abd16251129dba" FOREIGN KEY ("workspace_id") REFERENCES "workspace" ("id") ON DELETE SET NULL ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_project"("id", "organization_id", "workspace_id", "title", "description", "label_config", "parsed_label_config", "data_types", "config_suitable_for_bulk_annotation", "control_weights", "expert_instruction", "show_instruction", "show_skip_button", "enable_empty_annotation", "show_annotation_history", "color", "maximum_annotations", "is_published", "model_version", "is_draft", "created_by_id", "created_at", "updated_at", "min_annotations_to_start_training", "start_training_on_annotation_update", "show_collab_predictions", "sampling", "show_ground_truth_first", "show_overlap_first", "overlap_cohort_percentage", "task_data_login", "task_data_password", "evaluate_predictions_automatically", "skip_queue", "reveal_preannotations_interactively", "pinned_at", "settings") SELECT "id", "organization_id", "workspace_id", "title", "description", "label_config", "parsed_label_config", "data_types", "config_suitable_for_bulk_annotation", "control_weights", "expert_instruction", "show_instruction", "show_skip_button", "enable_empty_annotation", "show_annotation_history", "color", "maximum_annotations", "is_published", "model_version", "is_draft", "created_by_id", "created_at", "updated_at", "min_annotations_to_start_training", "start_training_on_annotation_update", "show_collab_predictions", "sampling", "show_ground_truth_first", "show_overlap_first", "overlap_cohort_percentage", "task_data_login", "task_data_password", "evaluate_predictions_automatically", "skip_queue", "reveal_preannotations_interactively", "pinned_at", "settings" FROM "project"',
    );
    await queryRunner.query('DROP TABLE "project"');
    await queryRunner.query('ALTER TABLE "temporary_project" RENAME TO "project"');
    await queryRunner.query(
      'CREATE INDEX "IDX_d70f8968fc3145889d08492fc2" ON "project" ("organization_id", "id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_5cb157e3d3ab8abd16251129db" ON "project" ("workspace_id") ',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "IDX_5cb157e3d3ab8abd16251129db"');
    await queryRunner.query('DROP INDEX "IDX_d70f8968fc3145889d08492fc2"');
    await queryRunner.query(
      'CREATE TABLE "temporary_project" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "organization_id" integer NOT NULL, "workspace_id" integer, "title" varchar(50), "description" text, "label_config" text NOT NULL DEFAULT (\'<View></View>\'), "parsed_label_config" text NOT NULL, "data_types" text NOT NULL, "config_suitable_for_bulk_annotation" boolean NOT NULL DEFAULT (1), "control_weights" text, "expert_instruction" text, "show_instruction" boolean NOT NULL DEFAULT (0), "show_skip_button" boolean NOT NULL DEFAULT (1), "enable_empty_annotation" boolean NOT NULL DEFAULT (1), "show_annotation_history" boolean NOT NULL DEFAULT (0), "color" varchar(16) DEFAULT (\'#FFFFFF\'), "maximum_annotations" integer NOT NULL DEFAULT (1), "is_published" boolean NOT NULL DEFAULT (0), "model_version" text DEFAULT (\'\'), "is_draft" boolean NOT NULL DEFAULT (0), "created_by_id" integer, "created_at" datetime NOT NULL DEFAULT (datetime(\'now\')), "updated_at" datetime NOT NULL DEFAULT (datetime(\'now\')), "min_annotations_to_start_training" integer NOT NULL DEFAULT (0), "start_training_on_annotation_update" boolean NOT NULL DEFAULT (0), "show_collab_predictions" boolean NOT NULL DEFAULT (1), "sampling" varchar(32) DEFAULT (\'Sequential sampling\'), "show_ground_truth_first" boolean NOT NULL DEFAULT (0), "show_overlap_first" boolean NOT NULL DEFAULT (0), "overlap_cohort_percentage" integer NOT NULL DEFAULT (100), "task_data_login" varchar(256), "task_data_password" varchar(256), "evaluate_predictions_automatically" boolean NOT NULL DEFAULT (0), "skip_queue" varchar(32) DEFAULT (\'REQUEUE_FOR_OTHERS\'), "reveal_preannotations_interactively" boolean NOT NULL DEFAULT (0), "pinned_at" datetime, "settings" text NOT NULL, CONSTRAINT "FK_e155d8f98ec858daa457d6ff291" FOREIGN KEY ("created_by_id") REFERENCES "htx_user" ("id") ON DELETE SET NULL ON UPDATE NO ACTION, CONSTRAINT "FK_e4616ee32e66481cf9b9f1a6466" FOREIGN KEY ("organization_id") REFERENCES "organization" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_project"("id", "organization_id", "workspace_id", "title", "description", "label_config", "parsed_label_config", "data_types", "config_suitable_for_bulk_annotation", "control_weights", "expert_instruction", "show_instruction", "show_skip_button", "enable_empty_annotation", "show_annotation_history", "color", "maximum_annotations", "is_published", "model_version", "is_draft", "created_by_id", "created_at", "updated_at", "min_annotations_to_start_training", "start_training_on_annotation_update", "show_collab_predictions", "sampling", "show_ground_truth_first", "show_overlap_first", "overlap_cohort_percentage", "task_data_login", "task_data_password", "evaluate_predictions_automatically", "skip_queue", "reveal_preannotations_interactively", "pinned_at", "settings") SELECT "id", "organization_id", "workspace_id", "title", "description", "label_config", "parsed_label_config", "data_types", "config_suitable_for_bulk_annotation", "control_weights", "expert_instruction", "show_instruction", "show_skip_button", "enable_empty_annotation", "show_annotation_history", "color", "maximum_annotations", "is_published", "model_version", "is_draft", "created_by_id", "created_at", "updated_at", "min_annotations_to_start_training", "start_training_on_annotation_update", "show_collab_predictions", "sampling", "show_ground_truth_first", "show_overlap_first", "overlap_cohort_percentage", "task_data_login", "task_data_password", "evaluate_predictions_automatically", "skip_queue", "reveal_preannotations_interactively", "pinned_at", "settings" FROM "project"',
    );
    await queryRunner.query('DROP TABLE "project"');
    await queryRunner.query('ALTER TABLE "temporary_project" RENAME TO "project"');
    await queryRunner.query(
      'CREATE INDEX "IDX_d70f8968fc3145889d08492fc2" ON "project" ("organization_id", "id") ',
    );
    await queryRunner.query('DROP INDEX "IDX_0eab76d5a9c509930a9f3d7a10"');
    await queryRunner.query('DROP INDEX "IDX_82b74268d8b7e1574fd744b390"');
    await queryRunner.query('DROP TABLE "workspace_member"');
    await queryRunner.query('DROP INDEX "IDX_f6311351d0f0d49a27ccbe9d94"');
    await queryRunner.query('DROP TABLE "pause"');
    await queryRunner.query('DROP INDEX "IDX_30204a6e9429088c9b135fd023"');
    await queryRunner.query('DROP INDEX "IDX_ea6d0daf812d520edd6ebddbc3"');
    await queryRunner.query('DROP TABLE "project_role"');
    await queryRunner.query('DROP INDEX "IDX_0d739aa2794632a5a09276afb7"');
    await queryRunner.query('DROP INDEX "IDX_c5aa3e0aec43d3459e159d21dd"');
    await queryRunner.query('DROP TABLE "project_member"');
    await queryRunner.query('DROP INDEX "IDX_30830f23918b8a408caabfe6e9"');
    await queryRunner.query('DROP TABLE "workspace"');
  }
}
