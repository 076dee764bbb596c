import { ApiProperty } from '@nestjs/swagger';
import { LseUserApiResponse } from '../../users/responses/lse-user-api.response';
import { OrganizationSummaryResponse } from './organization-summary.response';

/** The new account, the organization it joined, and its API key. */
export class InviteSignUpResponse {
  @ApiProperty({ type: () => LseUserApiResponse }) user!: LseUserApiResponse;

  @ApiProperty({ type: () => OrganizationSummaryResponse })
  organization!: OrganizationSummaryResponse;

  @ApiProperty({ type: String, description: 'Legacy API key: `Authorization: Token <key>`' })
  token!: string;
}
