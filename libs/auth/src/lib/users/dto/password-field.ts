import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

/** A new password: write-only, 8 to 256 characters. */
export const PasswordField = () =>
  applyDecorators(
    ApiPropertyOptional({ writeOnly: true }),
    IsOptional(),
    IsString(),
    MinLength(8),
    MaxLength(256),
  );
