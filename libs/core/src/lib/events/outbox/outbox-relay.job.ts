import { JobHandler, JobProcessor } from '../../jobs/job-processor.decorator';
import { CORE_QUEUE, OUTBOX_RELAY_JOB } from '../../jobs/jobs.constants';
import { OutboxRelay } from './outbox-relay';

/** The wake-up an API process sends after a commit that recorded events (scaled mode). */
@JobProcessor({ queue: CORE_QUEUE, name: OUTBOX_RELAY_JOB })
export class OutboxRelayJob implements JobHandler {
  constructor(private readonly relay: OutboxRelay) {}

  async handle(): Promise<void> {
    await this.relay.drain();
  }
}
