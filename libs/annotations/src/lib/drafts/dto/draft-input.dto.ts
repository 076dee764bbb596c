import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { DraftFieldsDto } from './draft-fields.dto';

/** A draft's changes (patch: any of its fields). */
export class DraftInputDto extends DraftFieldsDto {
  /** A list of result items, or a JSON string of one; not checked against the label config. */
  @ApiPropertyOptional({ type: [Object] }) @IsOptional() result?: unknown;
}
