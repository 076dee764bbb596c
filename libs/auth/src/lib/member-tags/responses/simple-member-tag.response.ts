import { ApiProperty, ApiSchema } from '@nestjs/swagger';

/** A tag as member lists show it on each member. */
@ApiSchema({ name: 'SimpleOrganizationMemberTag' })
export class SimpleMemberTagResponse {
  @ApiProperty({ type: 'integer' }) id!: number;
  @ApiProperty({ type: String, maxLength: 255 }) label!: string;
}
