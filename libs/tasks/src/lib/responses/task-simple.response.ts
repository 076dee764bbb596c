import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { TaskStoredFieldsResponse } from './task-stored-fields.response';

const OBJECTS = { type: 'array', items: { type: 'object' } } as const;

/** A task as a project's task list shows it. */
@ApiSchema({ name: 'TaskSimple' })
export class TaskSimpleResponse extends TaskStoredFieldsResponse {
  @ApiProperty({ type: 'integer', nullable: true }) updated_by!: number | null;
  @ApiProperty({ type: 'integer', nullable: true }) file_upload!: number | null;
  @ApiProperty({ type: 'integer', isArray: true }) comment_authors!: number[];
  @ApiProperty({ ...OBJECTS, description: 'Annotations (`Annotation`)' }) annotations!: object[];
  @ApiProperty({ ...OBJECTS, description: 'Predictions (`Prediction`)' }) predictions!: object[];
}
