import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { LseFieldsResponse } from './lse-fields.response';

@ApiSchema({ name: 'WhoAmILseFields' })
export class WhoAmILseFieldsResponse extends LseFieldsResponse {
  @ApiProperty({ type: String, nullable: true }) active_organization_external_id!: string | null;
}
