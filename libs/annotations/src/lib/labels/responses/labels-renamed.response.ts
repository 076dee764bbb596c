import { ApiProperty } from '@nestjs/swagger';

/** Label Studio's answer to a bulk label rename. */
export class LabelsRenamedResponse {
  @ApiProperty({ type: 'integer', description: 'Annotations whose result changed' })
  annotations_updated!: number;
}
