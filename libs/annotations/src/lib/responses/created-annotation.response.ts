import { ApiProperty } from '@nestjs/swagger';

export class CreatedAnnotationResponse {
  @ApiProperty({ type: 'integer', description: 'Annotation ID' }) id!: number;
}
