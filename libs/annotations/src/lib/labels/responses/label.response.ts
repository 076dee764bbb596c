import { ApiProperty, ApiSchema } from '@nestjs/swagger';

/** A label of the organization's label library, with the project controls it is linked to. */
@ApiSchema({ name: 'Label' })
export class LabelResponse {
  @ApiProperty({ type: 'integer' }) id!: number;
  @ApiProperty({ type: String, format: 'date-time' }) created_at!: string;
  @ApiProperty({ type: String, format: 'date-time' }) updated_at!: string;
  @ApiProperty({ type: 'integer' }) created_by!: number;
  @ApiProperty({ type: 'integer' }) organization!: number;
  @ApiProperty({ type: String }) title!: string;
  @ApiProperty({ type: String, nullable: true }) description!: string | null;
  @ApiProperty({ description: 'The label value, as a control gives it' }) value!: unknown;
  @ApiProperty({ type: Boolean }) approved!: boolean;
  @ApiProperty({ type: 'integer', nullable: true }) approved_by!: number | null;
  @ApiProperty({ type: 'integer', isArray: true, description: 'Ids of its label links' })
  links!: number[];
  @ApiProperty({ type: 'integer', isArray: true }) projects!: number[];
}
