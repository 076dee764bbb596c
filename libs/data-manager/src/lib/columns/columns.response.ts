import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { ColumnResponse } from './column.response';

@ApiSchema({ name: 'DataManagerColumns' })
export class ColumnsResponse {
  @ApiProperty({ type: [ColumnResponse] }) columns!: ColumnResponse[];
}
