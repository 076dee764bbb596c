import { ApiProperty } from '@nestjs/swagger';

/** One task of the caller's label stream history (Label Studio's keys). */
export class LabelStreamEntryResponse {
  @ApiProperty({ type: 'integer' }) taskId!: number;
  @ApiProperty({ type: 'integer', nullable: true, description: 'What the caller made of it' })
  annotationId!: number | null;
}
