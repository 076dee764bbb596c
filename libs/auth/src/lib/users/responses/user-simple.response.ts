import { ApiProperty, ApiSchema } from '@nestjs/swagger';

/** How other objects (a project's creator, its annotators) show a user. */
@ApiSchema({ name: 'UserSimple' })
export class UserSimpleResponse {
  @ApiProperty({ type: 'integer' }) id!: number;
  @ApiProperty({ type: String }) username!: string;
  @ApiProperty({ type: String, format: 'email' }) email!: string;
  @ApiProperty({ type: String }) first_name!: string;
  @ApiProperty({ type: String }) last_name!: string;
  @ApiProperty({ type: String }) avatar!: string;
}
