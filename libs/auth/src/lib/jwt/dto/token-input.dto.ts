import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';

export class RefreshTokenDto {
  @ApiProperty({ writeOnly: true })
  @IsString()
  @MinLength(1)
  @MaxLength(4096)
  refresh!: string;
}

export class JwtSettingsDto {
  @ApiProperty({ description: 'Days before new personal access tokens expire' })
  @IsInt()
  @Min(1)
  @Max(365)
  api_token_ttl_days!: number;

  @ApiPropertyOptional() @IsOptional() @IsBoolean() api_tokens_enabled?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() legacy_api_tokens_enabled?: boolean;
}
