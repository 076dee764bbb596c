import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

const WITHOUT_JOB = 'Left out when the import runs as a job';
const COMMITTED = `${WITHOUT_JOB}; null with commit_to_project=false`;

/**
 * An import's answer: the counts when it ran at once, only `import` when it runs as a job (an
 * input over `IMPORT_JOB_THRESHOLD_BYTES`), to poll at `/api/projects/{id}/imports/{import}`.
 */
export class ImportResultResponse {
  @ApiPropertyOptional({ type: 'integer', description: WITHOUT_JOB }) task_count?: number;
  @ApiPropertyOptional({ type: 'integer', nullable: true, description: COMMITTED })
  annotation_count?: number | null;
  @ApiPropertyOptional({ type: 'integer', nullable: true, description: COMMITTED })
  prediction_count?: number | null;
  @ApiPropertyOptional({
    type: 'integer',
    nullable: true,
    description: `The contract's name for prediction_count. ${COMMITTED}`,
  })
  predictions_count?: number | null;
  @ApiPropertyOptional({ type: 'number', description: `Seconds. ${WITHOUT_JOB}` })
  duration?: number;
  @ApiPropertyOptional({ type: 'integer', isArray: true }) file_upload_ids?: number[];
  @ApiPropertyOptional({ type: Boolean }) could_be_tasks_list?: boolean;
  @ApiPropertyOptional({ type: [String] }) found_formats?: string[];
  @ApiPropertyOptional({ type: [String] }) data_columns?: string[];
  @ApiProperty({ type: 'integer', description: 'The import, to poll' }) import!: number;
  @ApiPropertyOptional({ type: 'integer', isArray: true, description: 'With return_task_ids=true' })
  task_ids?: number[];
}
