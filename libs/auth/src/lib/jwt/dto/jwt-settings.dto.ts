import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsOptional, Max, Min } from 'class-validator';

export class JwtSettingsDto {
  @ApiProperty({ description: 'Days before new personal access tokens expire' })
  @IsInt()
  @Min(1)
  @Max(365)
  api_token_ttl_days!: number;

  @ApiPropertyOptional() @IsOptional() @IsBoolean() api_tokens_enabled?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() legacy_api_tokens_enabled?: boolean;
}
