import { ApiSchema } from '@nestjs/swagger';
import { LseProjectCreateResponse } from './lse-project-create.response';

/** A project as update answers show it: as create answers do. */
@ApiSchema({ name: 'LseProjectUpdate' })
export class LseProjectUpdateResponse extends LseProjectCreateResponse {}
