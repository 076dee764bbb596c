import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { InviteTokenField } from './invite-token-field';

export class SignUpDto {
  @InviteTokenField() token!: string;

  @ApiPropertyOptional({ description: 'Required with an invite link; an invitation knows it' })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  email?: string;

  @ApiProperty({ writeOnly: true }) @IsString() @MinLength(8) @MaxLength(256) password!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(256) first_name?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(256) last_name?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(256) username?: string;
}
