import { InviteTokenField } from './invite-token-field';

export class AcceptInviteDto {
  @InviteTokenField() token!: string;
}
