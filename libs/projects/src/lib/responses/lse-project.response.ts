import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { ProjectCounterFieldsResponse } from './project-counter-fields.response';

/** A project as reads show it. */
@ApiSchema({ name: 'LseProjectResponse' })
export class LseProjectResponse extends ProjectCounterFieldsResponse {
  @ApiProperty({ type: String, description: 'Workspace id, "" for none' }) workspace!: string;
}
