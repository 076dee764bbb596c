import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { IMPORT_STATUSES, ImportStatus } from '../../import/project-import.entity';

@ApiSchema({ name: 'ProjectReimport' })
export class ProjectReimportResponse {
  @ApiProperty({ type: 'integer' }) id!: number;
  @ApiProperty({ type: 'integer' }) project!: number;
  @ApiProperty({ enum: IMPORT_STATUSES, enumName: 'Status7bfEnum' }) status!: ImportStatus;
  @ApiProperty({ type: String, nullable: true }) error!: string | null;
  @ApiProperty({ type: 'integer' }) task_count!: number;
  @ApiProperty({ type: 'integer' }) annotation_count!: number;
  @ApiProperty({ type: 'integer' }) prediction_count!: number;
  @ApiProperty({ type: 'number', description: 'Seconds' }) duration!: number;
  @ApiProperty({ type: 'integer', isArray: true }) file_upload_ids!: number[];
  @ApiProperty({ type: Boolean }) files_as_tasks_list!: boolean;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    description: 'Files found, by format',
  })
  found_formats!: Record<string, number>;
  @ApiProperty({ type: [String] }) data_columns!: string[];
}
