import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';

/** Fields a user may change on their own profile or an administrator on a member's. */
export class UserUpdateDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(256) username?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(256) first_name?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(256) last_name?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(256) phone?: string;

  @ApiPropertyOptional({ description: 'Avatar URL of the user' })
  @IsOptional()
  @IsString()
  @MaxLength(2048)
  avatar?: string;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsBoolean()
  allow_newsletters?: boolean | null;
}
