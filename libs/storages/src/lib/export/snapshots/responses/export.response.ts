import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { UserSimpleResponse } from '@ls/auth';
import type {
  AnnotationFilterOptions,
  SerializationOptions,
  TaskFilterOptions,
} from '../../tasks/export-options';
import { ExportCounters, EXPORT_STATUSES, ExportStatus } from '../export-snapshot.entity';

@ApiSchema({ name: 'ConvertedFormat' })
export class ConvertedFormatResponse {
  @ApiProperty() id!: number;
  @ApiProperty({ enum: EXPORT_STATUSES }) status!: ExportStatus;
  @ApiProperty() export_type!: string;
  @ApiProperty({ type: String, nullable: true }) traceback!: string | null;
}

@ApiSchema({ name: 'Export' })
export class ExportResponse {
  @ApiProperty() id!: number;
  @ApiProperty() title!: string;
  @ApiPropertyOptional({ type: UserSimpleResponse }) created_by?: UserSimpleResponse;
  @ApiProperty({ format: 'date-time' }) created_at!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) finished_at!: string | null;
  @ApiProperty({ enum: EXPORT_STATUSES }) status!: ExportStatus;
  @ApiProperty() md5!: string;
  @ApiProperty({ type: Object, description: 'task_number, annotation_number, prediction_number' })
  counters!: ExportCounters;
  @ApiProperty({ type: [ConvertedFormatResponse] }) converted_formats!: ConvertedFormatResponse[];
}

@ApiSchema({ name: 'LseExportCreate' })
export class ExportCreatedResponse extends ExportResponse {
  @ApiProperty({ type: Object }) task_filter_options!: TaskFilterOptions;
  @ApiProperty({ type: Object }) annotation_filter_options!: AnnotationFilterOptions;
  @ApiProperty({ type: Object }) serialization_options!: SerializationOptions;
}

@ApiSchema({ name: 'ExportConvert' })
export class ExportConvertResponse {
  @ApiProperty() export_type!: string;
  @ApiProperty() converted_format!: number;
}
