import { ApiProperty, ApiSchema } from '@nestjs/swagger';

/** The organization's invite link: anyone with it may sign up into the organization. */
@ApiSchema({ name: 'OrganizationInvite' })
export class OrganizationInviteResponse {
  @ApiProperty({ type: String, format: 'uri' }) invite_url!: string;
  @ApiProperty({ type: String }) token!: string;
}
