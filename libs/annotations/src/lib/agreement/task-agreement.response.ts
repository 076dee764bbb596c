import { ApiProperty } from '@nestjs/swagger';

/** Exact-match agreement between a task's completed annotations. */
export class TaskAgreementResponse {
  @ApiProperty({ type: 'integer' }) task!: number;
  @ApiProperty({ type: 'integer', description: 'Completed annotations compared' })
  annotations!: number;
  @ApiProperty({
    type: 'number',
    nullable: true,
    description: 'Share of annotation pairs that say the same, in percent; null under two',
  })
  agreement!: number | null;
}
