import { ApiProperty } from '@nestjs/swagger';
import { IsRequired } from '@ls/core';
import { DraftFieldsDto } from './draft-fields.dto';

/** A new draft: `result` is required, as Label Studio's serializer has it. */
export class CreateDraftDto extends DraftFieldsDto {
  /** A list of result items, or a JSON string of one; not checked against the label config. */
  @ApiProperty({ type: [Object] }) @IsRequired() result!: unknown;
}
