import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, Repository } from 'typeorm';
import { SecretBox } from '@ls/auth';
import {
  AppConfig,
  dialectOfDataSource,
  JobQueue,
  OutboundHttp,
  OutboundHttpError,
  sqliteTimestamp,
} from '@ls/core';
import { Webhook } from '../subscriptions/webhook.entity';
import {
  DELIVER_WEBHOOK_JOB,
  DeliverWebhookPayload,
  WEBHOOKS_QUEUE,
} from './deliver-webhook.payload';
import { WebhookDelivery } from './webhook-delivery.entity';
import { DELIVERY_HEADER, EVENT_HEADER, SIGNATURE_HEADER, signatureOf } from './webhook-signature';

interface Outcome {
  delivered: boolean;
  retryable: boolean;
  statusCode: number | null;
  error: string | null;
}

const RETRYABLE_STATUSES = new Set([408, 425, 429]);
const MAX_ANSWER_BYTES = 1024 * 1024;
/** Pending deliveries read at once from a webhook's queue. */
const DELIVERIES_PER_READ = 50;
/** A lease outlives one try by this much (the database writes around it). */
const LEASE_MARGIN_MS = 10_000;

/**
 * Sends each webhook's deliveries one at a time in event order, holding a lease on the webhook
 * so no other process sends them meanwhile. A failed try waits (exponential backoff with jitter)
 * and blocks the ones behind it; a delivery that fails for good, or a webhook deactivated after
 * too many failures in a row, lets the queue move on.
 */
@Injectable()
export class WebhookDeliverer {
  private readonly logger = new Logger(WebhookDeliverer.name);
  private readonly sendingHere = new Set<number>();

  constructor(
    @InjectRepository(Webhook) private readonly webhooks: Repository<Webhook>,
    @InjectRepository(WebhookDelivery) private readonly deliveries: Repository<WebhookDelivery>,
    private readonly queue: JobQueue,
    private readonly http: OutboundHttp,
    private readonly secrets: SecretBox,
    private readonly config: AppConfig,
  ) {}

  /** Asks for the webhooks' queues to be sent (now, or after `delayMs`). */
  async kick(webhookIds: number[], delayMs?: number, jobId?: string): Promise<void> {
    for (const webhookId of webhookIds) {
      await this.queue.enqueue<DeliverWebhookPayload>(
        WEBHOOKS_QUEUE,
        DELIVER_WEBHOOK_JOB,
        { webhookId },
        { delayMs, jobId },
      );
    }
  }

  async deliver(webhookId: number): Promise<void> {
    // Sent from this process already: its loop (and the look after it) covers this kick too.
    if (this.sendingHere.has(webhookId)) return;
    this.sendingHere.add(webhookId);
    try {
      if (!(await this.lease(webhookId))) return;
      try {
        await this.sendDue(webhookId);
      } finally {
        await this.webhooks.update({ id: webhookId }, { delivering_until: null });
      }
    } finally {
      this.sendingHere.delete(webhookId);
    }
    // A delivery added while this one held the lease had its kick refused: look once more.
    const head = await this.head(webhookId);
    if (head && head.next_attempt_at.getTime() <= Date.now()) await this.kick([webhookId]);
  }

  private async sendDue(webhookId: number): Promise<void> {
    const webhook = await this.webhooks.findOneBy({ id: webhookId });
    if (!webhook?.is_active) return;
    const secret = (await this.secrets.open(webhook.sealed_secret)) ?? '';
    // The lease was just taken: it is renewed only once less than a try and half the margin is left.
    let leaseUntil = Date.now() + this.leaseMs();
    for (;;) {
      const next = await this.pending(webhookId, DELIVERIES_PER_READ);
      if (next.length === 0) return;
      const delivered = new DeliveredBatch();
      try {
        for (const delivery of next) {
          const waitMs = delivery.next_attempt_at.getTime() - Date.now();
          if (waitMs > 0) {
            const retryId = `webhook-${webhookId}-delivery-${delivery.id}-try-${delivery.attempts + 1}`;
            await this.kick([webhookId], waitMs, retryId);
            return;
          }
          if (leaseUntil - Date.now() < this.config.WEBHOOK_TIMEOUT_MS + LEASE_MARGIN_MS / 2) {
            await this.lease(webhookId, true);
            leaseUntil = Date.now() + this.leaseMs();
          }
          const outcome = await this.send(webhook, delivery, secret);
          if (outcome.delivered) {
            delivered.add(delivery, outcome.statusCode);
            continue;
          }
          await this.recordDelivered(webhook, delivered);
          if (!(await this.recordFailure(webhook, delivery, outcome))) return;
          // The failed try may now wait at the head of the queue: read the queue again.
          break;
        }
      } finally {
        await this.recordDelivered(webhook, delivered);
      }
    }
  }

  /** Takes (or, `renew`, extends) the webhook's lease; false when another sender holds it. */
  private async lease(webhookId: number, renew = false): Promise<boolean> {
    const now = new Date();
    const until = new Date(now.getTime() + this.leaseMs());
    const query = this.webhooks
      .createQueryBuilder()
      .update(Webhook)
      .set({ delivering_until: until })
      .where('id = :webhookId', { webhookId });
    if (!renew) {
      query.andWhere(
        new Brackets((free) =>
          free
            .where('delivering_until IS NULL')
            .orWhere('delivering_until < :now', { now: this.timestamp(now) }),
        ),
      );
    }
    const result = await query.execute();
    return (result.affected ?? 0) > 0;
  }

  private leaseMs(): number {
    return this.config.WEBHOOK_TIMEOUT_MS + LEASE_MARGIN_MS;
  }

  private async head(webhookId: number): Promise<WebhookDelivery | null> {
    const [first] = await this.pending(webhookId, 1);
    return first ?? null;
  }

  /** The webhook's queue: its pending deliveries in event order. */
  private pending(webhookId: number, count: number): Promise<WebhookDelivery[]> {
    return this.deliveries.find({
      where: { webhook_id: webhookId, status: 'pending' },
      order: { event_id: 'ASC', part: 'ASC' },
      take: count,
    });
  }

  private async send(webhook: Webhook, delivery: WebhookDelivery, secret: string) {
    const headers = {
      ...webhook.headers,
      'Content-Type': 'application/json',
      [SIGNATURE_HEADER]: signatureOf(secret, delivery.body),
      [DELIVERY_HEADER]: delivery.delivery_id,
      [EVENT_HEADER]: delivery.action,
    };
    try {
      const answer = await this.http.request({
        method: 'POST',
        url: webhook.url,
        headers,
        body: delivery.body,
        timeoutMs: this.config.WEBHOOK_TIMEOUT_MS,
        maxResponseBytes: MAX_ANSWER_BYTES,
      });
      const ok = answer.status >= 200 && answer.status < 300;
      return {
        delivered: ok,
        retryable: answer.status >= 500 || RETRYABLE_STATUSES.has(answer.status),
        statusCode: answer.status,
        error: ok ? null : `Receiver answered ${answer.status}`,
      } satisfies Outcome;
    } catch (error) {
      if (!(error instanceof OutboundHttpError)) throw error;
      return {
        delivered: false,
        retryable: error.failure !== 'refused',
        statusCode: null,
        error: error.message,
      } satisfies Outcome;
    }
  }

  /**
   * Stores the successes sent since the last call, a statement per status code. Until then a
   * crash sends them again, with the same delivery ids (receivers deduplicate by them).
   */
  private async recordDelivered(webhook: Webhook, delivered: DeliveredBatch): Promise<void> {
    if (delivered.isEmpty) return;
    const now = new Date();
    for (const [statusCode, ids] of delivered.takeByStatus()) {
      await this.deliveries
        .createQueryBuilder()
        .update(WebhookDelivery)
        .set({
          status: 'delivered',
          attempts: () => 'attempts + 1',
          last_status_code: statusCode,
          last_error: null,
          finished_at: now,
        })
        .whereInIds(ids)
        .execute();
    }
    if (webhook.consecutive_failures > 0) {
      webhook.consecutive_failures = 0;
      await this.webhooks.update({ id: webhook.id }, { consecutive_failures: 0 });
    }
  }

  /** Stores a failed try; false when the webhook was deactivated by it. */
  private async recordFailure(webhook: Webhook, delivery: WebhookDelivery, outcome: Outcome) {
    const now = new Date();
    const attempts = delivery.attempts + 1;
    const tried = { attempts, last_status_code: outcome.statusCode, last_error: outcome.error };
    webhook.consecutive_failures += 1;
    const limit = this.config.WEBHOOK_MAX_CONSECUTIVE_FAILURES;
    if (limit > 0 && webhook.consecutive_failures >= limit) {
      await this.deliveries.update({ id: delivery.id }, tried);
      await this.deactivate(webhook, now);
      return false;
    }
    await this.webhooks.update(
      { id: webhook.id },
      { consecutive_failures: webhook.consecutive_failures },
    );
    if (outcome.retryable && attempts < this.config.WEBHOOK_MAX_ATTEMPTS) {
      await this.deliveries.update(
        { id: delivery.id },
        { ...tried, next_attempt_at: new Date(now.getTime() + this.retryDelayMs(attempts)) },
      );
    } else {
      await this.deliveries.update(
        { id: delivery.id },
        { ...tried, status: 'failed', finished_at: now },
      );
    }
    return true;
  }

  /** Label Studio's rule: too many failures in a row turn the webhook off; its queue is dropped. */
  private async deactivate(webhook: Webhook, now: Date): Promise<void> {
    this.logger.warn(
      { webhook: webhook.id, failures: webhook.consecutive_failures },
      'Webhook deactivated after failing too many times in a row',
    );
    await this.webhooks.update(
      { id: webhook.id },
      { is_active: false, consecutive_failures: webhook.consecutive_failures },
    );
    await this.deliveries.update(
      { webhook_id: webhook.id, status: 'pending' },
      {
        status: 'failed',
        finished_at: now,
        last_error: `Webhook deactivated after ${webhook.consecutive_failures} failures in a row`,
      },
    );
  }

  /** Base, doubled per try already made, within ±20 % so retries of many webhooks spread out. */
  private retryDelayMs(attempts: number): number {
    const base = this.config.WEBHOOK_RETRY_BASE_MS * 2 ** (attempts - 1);
    return Math.round(base * (0.8 + Math.random() * 0.4));
  }

  private timestamp(date: Date): Date | string {
    return dialectOfDataSource(this.webhooks.manager.connection) === 'postgres'
      ? date
      : sqliteTimestamp(date);
  }
}

/** Deliveries sent successfully and not yet recorded, grouped by the receiver's status code. */
class DeliveredBatch {
  private byStatus = new Map<number | null, number[]>();

  get isEmpty(): boolean {
    return this.byStatus.size === 0;
  }

  add(delivery: WebhookDelivery, statusCode: number | null): void {
    const ids = this.byStatus.get(statusCode);
    if (ids) ids.push(delivery.id);
    else this.byStatus.set(statusCode, [delivery.id]);
  }

  takeByStatus(): [number | null, number[]][] {
    const taken = [...this.byStatus];
    this.byStatus = new Map();
    return taken;
  }
}
