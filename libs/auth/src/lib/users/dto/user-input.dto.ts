import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsEmail,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
  ValidateIf,
} from 'class-validator';

/** A new password: write-only, 8 to 256 characters. */
const PasswordField = () =>
  applyDecorators(
    ApiPropertyOptional({ writeOnly: true }),
    IsOptional(),
    IsString(),
    MinLength(8),
    MaxLength(256),
  );

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

export class UserCreateDto extends UserUpdateDto {
  @ApiPropertyOptional({ description: 'Email of the user' })
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @PasswordField()
  password?: string;
}

export class CurrentUserUpdateDto extends UserUpdateDto {
  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsInt()
  active_organization?: number;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsObject()
  custom_hotkeys?: Record<string, unknown> | null;

  @PasswordField()
  password?: string;
}
