import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt } from 'class-validator';

export class ActionsOfProjectQuery {
  @ApiProperty({ description: 'Project ID' }) @Type(() => Number) @IsInt() project!: number;
}
