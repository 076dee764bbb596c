import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { IMPORT_STATUSES, ImportStatus } from '../project-import.entity';

/** An import and how it went; poll it while `status` is `created` or `in_progress`. */
@ApiSchema({ name: 'ProjectImport' })
export class ProjectImportResponse {
  @ApiProperty({ type: 'integer' }) id!: number;
  @ApiProperty({ type: 'integer' }) project!: number;
  @ApiProperty({ enum: IMPORT_STATUSES, enumName: 'Status7bfEnum' }) status!: ImportStatus;
  @ApiProperty({ type: Boolean }) commit_to_project!: boolean;
  @ApiProperty({ type: Boolean }) return_task_ids!: boolean;
  @ApiProperty({ type: [String], nullable: true }) preannotated_from_fields!: string[] | null;
  @ApiProperty({ type: String, nullable: true }) url!: string | null;
  @ApiProperty({ type: String, nullable: true }) error!: string | null;
  @ApiProperty({ type: 'integer' }) task_count!: number;
  @ApiProperty({ type: 'integer' }) annotation_count!: number;
  @ApiProperty({ type: 'integer' }) prediction_count!: number;
  @ApiProperty({ type: 'number', description: 'Seconds' }) duration!: number;
  @ApiProperty({ type: 'integer', isArray: true }) file_upload_ids!: number[];
  @ApiProperty({ type: Boolean }) could_be_tasks_list!: boolean;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    description: 'Files found, by format',
  })
  found_formats!: Record<string, number>;
  @ApiProperty({ type: [String] }) data_columns!: string[];
  @ApiProperty({ type: 'integer', isArray: true }) task_ids!: number[];
  @ApiProperty({ type: 'array', items: { type: 'object' }, nullable: true }) tasks!: null;
  @ApiProperty({ type: String, format: 'date-time' }) created_at!: string;
  @ApiProperty({ type: String, format: 'date-time' }) updated_at!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) finished_at!: string | null;
}
