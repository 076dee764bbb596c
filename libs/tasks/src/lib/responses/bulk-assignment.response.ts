import { ApiProperty } from '@nestjs/swagger';

export class BulkAssignmentResponse {
  @ApiProperty({ type: 'integer', description: 'Assignments made by this request' })
  assignments!: number;

  @ApiProperty({ type: Boolean, description: 'Always false: the assignments are made already' })
  async!: boolean;
}
