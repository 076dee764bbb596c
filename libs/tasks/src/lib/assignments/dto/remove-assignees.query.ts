import { IsIn, IsOptional } from 'class-validator';
import { ASSIGNMENT_TYPES, AssignmentType } from '../task-assignment.entity';

export class RemoveAssigneesQuery {
  @IsOptional() @IsIn(ASSIGNMENT_TYPES) type?: AssignmentType;
  /** Comma-separated user ids (at most MAX_IDS_PER_REQUEST, checked when parsed). */
  @IsOptional() users?: string;
}
