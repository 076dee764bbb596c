import { ApiSchema, PickType } from '@nestjs/swagger';
import { COUNTER_FIELDS } from '../ports/project-stats';
import { LseProjectResponse } from './lse-project.response';

/** A project's id and counters. */
@ApiSchema({ name: 'LseProjectCounts' })
export class ProjectCountsResponse extends PickType(LseProjectResponse, [
  'id',
  ...COUNTER_FIELDS,
  'rejected',
  'review_total_tasks',
  'reviewed_number',
] as const) {}
