import { ApiProperty, ApiSchema } from '@nestjs/swagger';

@ApiSchema({ name: 'LSEJWTSettings' })
export class JwtSettingsResponse {
  @ApiProperty({ type: Boolean }) api_tokens_enabled!: boolean;
  @ApiProperty({ type: Boolean }) legacy_api_tokens_enabled!: boolean;
  @ApiProperty({ type: 'integer' }) api_token_ttl_days!: number;
}
