import { ApiProperty } from '@nestjs/swagger';

/**
 * A draft, as the drafts routes answer it and a task shows its caller's drafts (Label Studio's
 * `AnnotationDraftSerializer`; `user` is the id, see docs/contract-deviations.md).
 */
export class AnnotationDraftResponse {
  @ApiProperty({ type: 'integer' }) id!: number;
  @ApiProperty({ type: 'array', items: { type: 'object' } }) result!: unknown[];
  @ApiProperty({ type: 'number', nullable: true, description: 'Seconds' }) lead_time!:
    number | null;
  @ApiProperty({ type: 'integer' }) task!: number;
  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: 'The annotation it edits; null for a new one',
  })
  annotation!: number | null;
  @ApiProperty({ type: 'integer' }) user!: number;
  @ApiProperty({ type: String, description: '"First Last email, id"' }) created_username!: string;
  @ApiProperty({ type: String, description: 'Time since creation, e.g. "3 minutes"' })
  created_ago!: string;
  @ApiProperty({ type: Boolean, description: 'Postponed in the label stream' })
  was_postponed!: boolean;
  @ApiProperty({ type: 'integer', nullable: true }) import_id!: number | null;
  @ApiProperty({ type: String, format: 'date-time' }) created_at!: string;
  @ApiProperty({ type: String, format: 'date-time' }) updated_at!: string;
}
