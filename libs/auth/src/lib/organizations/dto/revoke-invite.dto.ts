import { IsEmail, MaxLength } from 'class-validator';

export class RevokeInviteDto {
  @IsEmail() @MaxLength(254) email!: string;
}
