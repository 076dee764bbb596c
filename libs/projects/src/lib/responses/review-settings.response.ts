import { ApiProperty, ApiSchema } from '@nestjs/swagger';

/** Reviews are an Enterprise feature: the settings are stored as given and shown back. */
@ApiSchema({ name: 'ReviewSettings' })
export class ReviewSettingsResponse {
  [setting: string]: unknown;
  @ApiProperty({ type: 'integer' }) id!: number;
  @ApiProperty({ type: 'integer' }) project!: number;
  @ApiProperty({ type: Boolean }) requeue_rejected_tasks_to_annotator!: boolean;
}
