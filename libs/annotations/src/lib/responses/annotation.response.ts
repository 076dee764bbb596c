import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { LAST_ACTIONS, LastAction } from '../entities/annotation.entity';

const RESULT = { type: 'array', items: { type: 'object' } } as const;

@ApiSchema({ name: 'Annotation' })
export class AnnotationResponse {
  @ApiProperty({ type: 'integer' }) id!: number;
  @ApiProperty({ ...RESULT, description: 'Result items, as the label config defines them' })
  result!: unknown[];
  @ApiProperty({ type: 'integer' }) task!: number;
  @ApiProperty({ type: 'integer' }) project!: number;
  @ApiPropertyOptional({ type: 'integer', description: 'Left out once its user is deleted' })
  completed_by?: number;
  @ApiProperty({ type: 'integer', nullable: true }) updated_by!: number | null;
  @ApiProperty({ type: Boolean, description: 'A skip' }) was_cancelled!: boolean;
  @ApiProperty({ type: Boolean }) ground_truth!: boolean;
  @ApiProperty({ type: 'number', nullable: true, description: 'Seconds' }) lead_time!:
    number | null;
  @ApiProperty({ type: String, format: 'date-time' }) created_at!: string;
  @ApiProperty({ type: String, format: 'date-time' }) updated_at!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  draft_created_at!: string | null;
  @ApiProperty({ type: 'integer', nullable: true }) parent_prediction!: number | null;
  @ApiProperty({ type: 'integer', nullable: true }) parent_annotation!: number | null;
  @ApiProperty({ enum: LAST_ACTIONS, enumName: 'LastActionEnum', nullable: true })
  last_action!: LastAction | null;
  @ApiProperty({ type: 'integer', nullable: true }) last_created_by!: number | null;
  @ApiProperty({ type: 'integer', format: 'int64', nullable: true }) import_id!: number | null;
  @ApiProperty({ type: Boolean, nullable: true }) bulk_created!: boolean | null;
  @ApiProperty({ type: String, description: 'How long ago, e.g. "3 minutes"' })
  created_ago!: string;
  @ApiProperty({ type: String, description: '"First Last email, id" of its author' })
  created_username!: string;
  @ApiProperty({ type: String }) state!: string;
}
