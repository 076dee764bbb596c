import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { LabelResponse } from './label.response';

/** A new label, with the project control it was linked to. */
@ApiSchema({ name: 'LabelCreate' })
export class CreatedLabelResponse extends LabelResponse {
  @ApiProperty({ type: String }) from_name!: string;
  @ApiProperty({ type: 'integer' }) project!: number;
}
