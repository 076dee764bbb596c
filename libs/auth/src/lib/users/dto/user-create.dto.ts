import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, MaxLength } from 'class-validator';
import { PasswordField } from './password-field';
import { UserUpdateDto } from './user-update.dto';

export class UserCreateDto extends UserUpdateDto {
  @ApiPropertyOptional({ description: 'Email of the user' })
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @PasswordField()
  password?: string;
}
