import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { UserSimpleResponse } from '@ls/auth';
import { PAUSE_REASONS, PauseReason } from '../pause.entity';

@ApiSchema({ name: 'Pause' })
export class PauseResponse {
  @ApiProperty({ type: 'integer' }) id!: number;
  @ApiProperty({ type: 'integer', nullable: true }) project!: number | null;
  @ApiProperty({ type: 'integer', nullable: true }) user!: number | null;
  @ApiProperty({ type: () => UserSimpleResponse }) paused_by!: UserSimpleResponse | null;
  @ApiProperty({ enum: PAUSE_REASONS }) reason!: PauseReason;
  @ApiProperty({ type: String, nullable: true }) verbose_reason!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) created_at!: string;
  @ApiProperty({ type: String, format: 'date-time' }) updated_at!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) deleted_at!: string | null;
  @ApiProperty({ type: 'integer', nullable: true }) deleted_by!: number | null;
}
