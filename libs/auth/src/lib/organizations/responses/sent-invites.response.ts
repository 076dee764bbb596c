import { ApiProperty } from '@nestjs/swagger';
import { SentInviteResponse } from './sent-invite.response';

export class SentInvitesResponse {
  @ApiProperty({ type: [String], description: 'Emails invited by this request' })
  invited!: string[];

  @ApiProperty({ type: [String], description: 'Emails of people who are members already' })
  already_members!: string[];

  @ApiProperty({ type: () => [SentInviteResponse] }) invites!: SentInviteResponse[];
}
