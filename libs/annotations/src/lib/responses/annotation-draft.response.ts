import { ApiProperty } from '@nestjs/swagger';

/** A draft, as a task shows its caller's drafts. */
export class AnnotationDraftResponse {
  @ApiProperty({ type: 'integer' }) id!: number;
  @ApiProperty({ type: 'array', items: { type: 'object' } }) result!: unknown[];
  @ApiProperty({ type: 'number', nullable: true }) lead_time!: number | null;
  @ApiProperty({ type: 'integer' }) task!: number;
  @ApiProperty({ type: 'integer', nullable: true }) annotation!: number | null;
  @ApiProperty({ type: 'integer' }) user!: number;
  @ApiProperty({ type: Boolean }) was_postponed!: boolean;
  @ApiProperty({ type: String, format: 'date-time' }) created_at!: string;
  @ApiProperty({ type: String, format: 'date-time' }) updated_at!: string;
}
