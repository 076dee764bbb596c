import { ApiProperty } from '@nestjs/swagger';

export class PredictionsImportResponse {
  @ApiProperty({ type: 'integer', description: 'Number of predictions created' }) created!: number;
}
