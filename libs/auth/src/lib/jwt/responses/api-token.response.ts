import { ApiProperty, ApiSchema } from '@nestjs/swagger';

/** A personal access token as listed: its signature is left out. */
@ApiSchema({ name: 'LSEAPITokenList' })
export class ApiTokenResponse {
  @ApiProperty({ type: String }) token!: string;
  @ApiProperty({ type: String, format: 'date-time' }) created_at!: string;
  @ApiProperty({ type: String, format: 'date-time' }) expires_at!: string;
}
