import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { LseFieldsResponse } from './lse-fields.response';
import { LseUserApiResponse } from './lse-user-api.response';

/** The full user shape. */
@ApiSchema({ name: 'LseUser' })
export class LseUserResponse extends LseUserApiResponse {
  @ApiProperty({ type: () => LseFieldsResponse }) lse_fields!: LseFieldsResponse;
  @ApiProperty({ type: String }) pause!: string;
}
