import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { Webhook } from './webhook.entity';

export type ActiveWebhook = Pick<
  Webhook,
  'organization_id' | 'project_id' | 'actions' | 'send_for_all_actions' | 'send_payload'
>;

/**
 * How long this process trusts what it read about an organization's active webhooks. A change
 * made here is seen at once; one made by another process within this time only means that a
 * payload is read when its event is handed over rather than at the change (see WebhookSnapshots).
 */
const TRUSTED_FOR_MS = 2000;
const MAX_ORGANIZATIONS = 10_000;

/**
 * The active webhooks of an organization as the write path asks for them on every change that
 * could be sent (is there anyone to keep a payload for?), cached briefly so that an organization
 * without webhooks costs no query per write. Only answers are shared, never a query in flight:
 * a caller inside a transaction must not wait on a query that waits for a pool connection.
 */
@Injectable()
export class WebhookInterest {
  private readonly known = new Map<number, { until: number; hooks: ActiveWebhook[] }>();
  /** When this process last changed an organization's webhooks. */
  private readonly changedAt = new Map<number, number>();

  constructor(@InjectRepository(Webhook) private readonly webhooks: Repository<Webhook>) {}

  /** `manager`: the transaction the question comes from, if any (read through it). */
  async activeFor(organizationId: number, manager?: EntityManager): Promise<ActiveWebhook[]> {
    const asked = Date.now();
    const cached = this.known.get(organizationId);
    if (cached && cached.until > asked) return cached.hooks;
    const hooks = await (manager ?? this.webhooks.manager).find(Webhook, {
      select: {
        organization_id: true,
        project_id: true,
        actions: true,
        send_for_all_actions: true,
        send_payload: true,
      },
      where: { organization_id: organizationId, is_active: true },
    });
    if (this.known.size >= MAX_ORGANIZATIONS) this.dropExpired(Date.now());
    // Not an answer that may predate a change made here meanwhile.
    if ((this.changedAt.get(organizationId) ?? 0) < asked) {
      this.known.set(organizationId, { until: asked + TRUSTED_FOR_MS, hooks });
    }
    return hooks;
  }

  /** After this process changed the organization's webhooks. */
  forget(organizationId: number): void {
    this.known.delete(organizationId);
    if (this.changedAt.size >= MAX_ORGANIZATIONS) this.changedAt.clear();
    this.changedAt.set(organizationId, Date.now());
  }

  private dropExpired(now: number): void {
    for (const [organizationId, entry] of this.known) {
      if (entry.until <= now) this.known.delete(organizationId);
    }
    if (this.known.size >= MAX_ORGANIZATIONS) this.known.clear();
  }
}
