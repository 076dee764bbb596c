import { ApiProperty } from '@nestjs/swagger';

/** One person's invitation: its link is passed on by the inviter (this server sends no email). */
export class SentInviteResponse {
  @ApiProperty({ type: String, format: 'email' }) email!: string;
  @ApiProperty({ type: String, format: 'uri' }) invite_url!: string;
  @ApiProperty({ type: String, format: 'date-time' }) expires_at!: string;
}
