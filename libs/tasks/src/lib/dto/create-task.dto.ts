import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsObject } from 'class-validator';
import { IsRequired } from '@ls/core';
import { PatchTaskDto } from './patch-task.dto';

export class CreateTaskDto extends PatchTaskDto {
  @ApiPropertyOptional() @IsRequired() @IsInt() project!: number;
  @ApiPropertyOptional() @IsRequired() @IsObject() declare data: Record<string, unknown>;
}
