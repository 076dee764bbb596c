import { ApiProperty } from '@nestjs/swagger';

const OBJECT = { type: 'object', additionalProperties: true } as const;

/** The stored fields of a task, as every task shape shows them. */
export abstract class TaskStoredFieldsResponse {
  @ApiProperty({ type: 'integer' }) id!: number;
  @ApiProperty({ ...OBJECT, description: 'The data the label config reads, by key' })
  data!: Record<string, unknown>;
  @ApiProperty({ ...OBJECT, nullable: true }) meta!: Record<string, unknown> | null;
  @ApiProperty({ type: 'integer' }) project!: number;
  @ApiProperty({ type: 'integer', description: 'Number of the task in its project, from 1' })
  inner_id!: number;
  @ApiProperty({ type: String, format: 'date-time' }) created_at!: string;
  @ApiProperty({ type: String, format: 'date-time' }) updated_at!: string;
  @ApiProperty({ type: Boolean }) is_labeled!: boolean;
  @ApiProperty({ type: 'integer' }) overlap!: number;
  @ApiProperty({ type: 'integer' }) total_annotations!: number;
  @ApiProperty({ type: 'integer' }) cancelled_annotations!: number;
  @ApiProperty({ type: 'integer' }) total_predictions!: number;
  @ApiProperty({ type: 'integer' }) comment_count!: number;
  @ApiProperty({ type: 'integer' }) unresolved_comment_count!: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  last_comment_updated_at!: string | null;
}
