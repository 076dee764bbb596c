import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';

export class ColumnVisibility {
  @ApiProperty({ type: Boolean, description: 'Shown in the task table' }) explore!: boolean;
  @ApiProperty({ type: Boolean, description: 'Shown beside the labeling stream' })
  labeling!: boolean;
}

/** One column of the data manager table, as Label Studio's frontend reads it. */
@ApiSchema({ name: 'DataManagerColumn' })
export class ColumnResponse {
  @ApiProperty({ type: String, description: '`id`, `total_annotations`, a data key, or `data`' })
  id!: string;
  @ApiProperty({ type: String }) title!: string;
  @ApiProperty({ type: String, description: 'Number, String, Datetime, List, Boolean, Image, ...' })
  type!: string;
  @ApiProperty({ type: String, enum: ['tasks'] }) target!: 'tasks';
  @ApiPropertyOptional({ type: String, description: '`data` for a column of task data' })
  parent?: string;
  @ApiPropertyOptional({ type: String, isArray: true, description: 'Data keys, on `data`' })
  children?: string[];
  @ApiPropertyOptional({ type: ColumnVisibility }) visibility_defaults?: ColumnVisibility;
  @ApiPropertyOptional({ type: String }) help?: string;
  @ApiProperty({ type: Boolean, description: 'A data key of the label config or of the tasks' })
  project_defined!: boolean;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true }) schema?: {
    items: unknown[];
    multiple?: boolean;
  };
}
