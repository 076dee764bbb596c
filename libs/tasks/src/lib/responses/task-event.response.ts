import { ApiProperty, ApiSchema } from '@nestjs/swagger';

/** Something that happened in the labeling interface, as it reported it. */
@ApiSchema({ name: 'TaskEvent' })
export class TaskEventResponse {
  @ApiProperty({ type: 'integer' }) id!: number;
  @ApiProperty({ type: 'integer' }) organization!: number;
  @ApiProperty({ type: 'integer' }) project!: number;
  @ApiProperty({ type: 'integer' }) task!: number;
  @ApiProperty({ type: 'integer' }) actor!: number;
  @ApiProperty({ type: 'integer', nullable: true }) annotation!: number | null;
  @ApiProperty({ type: 'integer', nullable: true }) annotation_draft_id!: number | null;
  @ApiProperty({ type: 'integer', nullable: true }) review!: number | null;
  @ApiProperty({ type: String }) event_key!: string;
  @ApiProperty({ type: String, format: 'date-time' }) event_time!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true }) meta!: unknown;
  @ApiProperty({ type: String, format: 'date-time' }) created_at!: string;
}
