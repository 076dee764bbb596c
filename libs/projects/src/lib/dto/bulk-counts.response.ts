import { ApiProperty } from '@nestjs/swagger';

/** `{"assignments": n}`: memberships a bulk assignment created. */
export class AssignmentsResponse {
  @ApiProperty({ type: 'integer' }) assignments!: number;
}

/** `{"unassignments": n}`: memberships a bulk removal deleted. */
export class UnassignmentsResponse {
  @ApiProperty({ type: 'integer' }) unassignments!: number;
}
