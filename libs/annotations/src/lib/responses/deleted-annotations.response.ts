import { ApiProperty } from '@nestjs/swagger';

export class DeletedAnnotationsResponse {
  @ApiProperty({ type: 'integer', description: 'Number of annotations deleted' })
  deleted_count!: number;
}
