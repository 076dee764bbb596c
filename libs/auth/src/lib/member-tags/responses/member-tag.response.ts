import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { UserSimpleResponse } from '../../users/responses/user-simple.response';

@ApiSchema({ name: 'OrganizationMemberTag' })
export class MemberTagResponse {
  @ApiProperty({ type: 'integer' }) id!: number;
  @ApiProperty({ type: String, maxLength: 255 }) label!: string;
  @ApiProperty({ type: 'integer' }) organization!: number;
  @ApiProperty({ type: () => UserSimpleResponse, nullable: true })
  created_by!: UserSimpleResponse | null;
  @ApiProperty({ type: String, format: 'date-time' }) created_at!: string;
  @ApiProperty({ type: String, format: 'date-time' }) updated_at!: string;
  @ApiProperty({ type: 'integer' }) member_count!: number;
}
