import { ApiProperty, ApiSchema } from '@nestjs/swagger';

@ApiSchema({ name: 'Workspace' })
export class WorkspaceResponse {
  @ApiProperty({ type: 'integer' }) id!: number;
  @ApiProperty({ type: String, maxLength: 1000 }) title!: string;
  @ApiProperty({ type: String, nullable: true }) description!: string | null;
  @ApiProperty({ type: String, nullable: true, maxLength: 16 }) color!: string | null;
  @ApiProperty() is_personal!: boolean;
  @ApiProperty() is_archived!: boolean;
  @ApiProperty({ type: 'integer' }) created_by!: number;
  @ApiProperty({
    type: String,
    description: "The creator's email, for another user's personal workspace; else empty",
  })
  created_by_user!: string;
  @ApiProperty({ type: String, description: '"member" when the caller belongs to it, else empty' })
  membership!: string;
  @ApiProperty({ type: 'integer', nullable: true, description: 'Projects the caller sees in it' })
  projects_count!: number | null;
}
