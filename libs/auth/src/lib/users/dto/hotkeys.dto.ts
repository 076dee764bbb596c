import { ApiProperty } from '@nestjs/swagger';
import { IsObject } from 'class-validator';

export class HotkeysDto {
  @ApiProperty({ type: 'object', additionalProperties: true })
  @IsObject()
  custom_hotkeys!: Record<string, unknown>;
}
