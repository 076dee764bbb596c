import { IsIn, IsOptional } from 'class-validator';
import { PageQuery } from '@ls/core';
import { TASK_ORDERINGS } from '../tasks.service';

export class ProjectTasksQuery extends PageQuery {
  @IsOptional() @IsIn(TASK_ORDERINGS) ordering?: string;
}
