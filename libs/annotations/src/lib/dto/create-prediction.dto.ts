import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt } from 'class-validator';
import { IsRequired } from '@ls/core';
import { PredictionInputDto } from './prediction-input.dto';

export class CreatePredictionDto extends PredictionInputDto {
  @ApiPropertyOptional() @IsRequired() @IsInt() task!: number;
  @ApiPropertyOptional({ type: [Object] }) @IsRequired() declare result: unknown;
}
