import { ApiProperty, ApiSchema } from '@nestjs/swagger';

@ApiSchema({ name: 'Prediction' })
export class PredictionResponse {
  @ApiProperty({ type: 'integer' }) id!: number;
  @ApiProperty({ type: 'array', items: { type: 'object' } }) result!: unknown[];
  @ApiProperty({ type: 'number', nullable: true }) score!: number | null;
  @ApiProperty({ type: String }) model_version!: string;
  @ApiProperty({ type: 'integer' }) task!: number;
  @ApiProperty({ type: 'integer' }) project!: number;
  @ApiProperty({ type: 'integer', nullable: true }) model!: number | null;
  @ApiProperty({ type: 'integer', nullable: true }) model_run!: number | null;
  @ApiProperty({ type: 'integer', nullable: true }) cluster!: number | null;
  @ApiProperty({ description: 'Ids of the closest tasks', nullable: true }) neighbors!: unknown;
  @ApiProperty({ type: 'number' }) mislabeling!: number;
  @ApiProperty({ type: String, format: 'date-time' }) created_at!: string;
  @ApiProperty({ type: String, format: 'date-time' }) updated_at!: string;
  @ApiProperty({ type: String, description: 'How long ago, e.g. "3 minutes"' })
  created_ago!: string;
}
