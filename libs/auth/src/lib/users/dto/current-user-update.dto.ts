import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsObject, IsOptional, ValidateIf } from 'class-validator';
import { PasswordField } from './password-field';
import { UserUpdateDto } from './user-update.dto';

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
