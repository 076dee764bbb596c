import { ApiProperty, ApiSchema } from '@nestjs/swagger';

@ApiSchema({ name: 'SessionTimeoutPolicy' })
export class SessionTimeoutPolicyResponse {
  @ApiProperty({ type: 'integer', description: 'minutes' }) max_session_age!: number;
  @ApiProperty({ type: 'integer', description: 'minutes' }) max_time_between_activity!: number;
  @ApiProperty({ type: String, format: 'date-time' }) created_at!: string;
  @ApiProperty({ type: String, format: 'date-time' }) updated_at!: string;
}
