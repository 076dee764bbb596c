import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { ProjectCounterFieldsResponse } from './project-counter-fields.response';

/** A project as create answers show it: `workspace` is an integer there (0: none). */
@ApiSchema({ name: 'LseProjectCreate' })
export class LseProjectCreateResponse extends ProjectCounterFieldsResponse {
  @ApiProperty({ type: 'integer', description: 'Workspace id, 0 for none' }) workspace!: number;
}
