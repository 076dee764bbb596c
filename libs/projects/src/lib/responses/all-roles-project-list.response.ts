import { ApiSchema } from '@nestjs/swagger';
import { LseProjectResponse } from './lse-project.response';

/** A project in the project list: the same fields as a read. */
@ApiSchema({ name: 'AllRolesProjectList' })
export class AllRolesProjectListResponse extends LseProjectResponse {}
