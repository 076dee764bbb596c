import { ApiProperty, ApiSchema } from '@nestjs/swagger';

/** A label linked to a control (`from_name`) of a project. */
@ApiSchema({ name: 'LabelLink' })
export class LabelLinkResponse {
  @ApiProperty({ type: 'integer' }) id!: number;
  @ApiProperty({ type: String }) from_name!: string;
  @ApiProperty({ type: 'integer' }) label!: number;
  @ApiProperty({ type: 'integer' }) project!: number;
  @ApiProperty({ type: 'integer', description: 'Annotations of the project using the label' })
  annotations_count!: number;
}
