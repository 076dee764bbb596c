import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';

/** A format of the export dialog, as Label Studio lists it. */
@ApiSchema({ name: 'ExportFormat' })
export class ExportFormatResponse {
  @ApiProperty() name!: string;
  @ApiProperty() title!: string;
  @ApiProperty() description!: string;
  @ApiProperty() link!: string;
  @ApiPropertyOptional({ type: [String] }) tags?: string[];
  @ApiPropertyOptional({ description: 'The project label config does not allow it' })
  disabled?: boolean;
}
