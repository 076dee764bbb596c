import { ApiProperty } from '@nestjs/swagger';
import { IsArray, IsIn, IsInt } from 'class-validator';
import { IsRequired, MaxIds } from '@ls/core';
import { ASSIGNMENT_TYPES, AssignmentType } from '../task-assignment.entity';

export class AssigneesDto {
  @ApiProperty({ enum: ASSIGNMENT_TYPES })
  @IsRequired()
  @IsIn(ASSIGNMENT_TYPES)
  type!: AssignmentType;

  @ApiProperty({ type: [Number] })
  @IsRequired()
  @IsArray()
  @MaxIds()
  @IsInt({ each: true })
  users!: number[];
}
