import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { LseTaskResponse } from '@ls/tasks';

/** The task of `GET /api/tasks/{id}/` and the queue of the stream it came from. */
@ApiSchema({ name: 'NextTask' })
export class NextTaskResponse extends LseTaskResponse {
  @ApiProperty({ type: String, description: 'The queue the task came from, e.g. "Sequence queue"' })
  queue!: string;
}
