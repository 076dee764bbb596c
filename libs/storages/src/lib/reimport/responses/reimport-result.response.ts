import { ApiProperty } from '@nestjs/swagger';

/** What a reimport made. */
export class ReimportResultResponse {
  @ApiProperty({ type: 'integer' }) task_count!: number;
  @ApiProperty({ type: 'integer' }) annotation_count!: number;
  @ApiProperty({ type: 'integer' }) prediction_count!: number;
  @ApiProperty({ type: 'number', description: 'Seconds' }) duration!: number;
  @ApiProperty({ type: 'integer', isArray: true }) file_upload_ids!: number[];
  @ApiProperty({ type: [String] }) found_formats!: string[];
  @ApiProperty({ type: [String] }) data_columns!: string[];
  @ApiProperty({ type: 'integer', description: 'The reimport record' }) reimport!: number;
}
