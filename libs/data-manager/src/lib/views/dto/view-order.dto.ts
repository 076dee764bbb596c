import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { IsArray, IsInt } from 'class-validator';
import { IsRequired, MaxIds } from '@ls/core';

@ApiSchema({ name: 'ViewOrderRequest' })
export class ViewOrderDto {
  @ApiProperty({ type: 'integer' })
  @IsRequired()
  @IsInt()
  project!: number;

  @ApiProperty({ type: 'integer', isArray: true, description: 'View ids in their new order' })
  @IsRequired()
  @IsArray()
  @MaxIds()
  @IsInt({ each: true })
  ids!: number[];
}
