import { ApiProperty, ApiSchema } from '@nestjs/swagger';

/** A new personal access token (a JWT refresh token), whole: it is shown this once. */
@ApiSchema({ name: 'LSEAPITokenCreate' })
export class CreatedApiTokenResponse {
  @ApiProperty({ type: String }) token!: string;
  @ApiProperty({ type: String, format: 'date-time' }) created_at!: string;
  @ApiProperty({ type: String, format: 'date-time' }) expires_at!: string;
}
