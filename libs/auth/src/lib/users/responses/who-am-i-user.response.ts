import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { LseUserResponse } from './lse-user.response';
import { WhoAmILseFieldsResponse } from './who-am-i-lse-fields.response';

/** The caller, with the name of their active organization and their permissions. */
@ApiSchema({ name: 'WhoAmIUser' })
export class WhoAmIUserResponse extends LseUserResponse {
  @ApiProperty({ type: () => WhoAmILseFieldsResponse }) declare lse_fields: WhoAmILseFieldsResponse;
  @ApiProperty({ type: [String] }) permissions!: string[];
}
