import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AnnotationsCreated, serializeAnnotation } from '@ls/annotations';
import { DurableEvents, EventAttacher } from '@ls/core';
import { WebhookInterest } from '../subscriptions/webhook-interest';
import {
  needsSnapshot,
  occurrenceOf,
  WEBHOOK_SOURCE_EVENTS,
  WebhookSourceEvent,
} from './webhook-occurrences';
import { PayloadObject, PayloadSnapshot, WebhookPayloads } from './webhook-payloads';

export const SNAPSHOT_KEY = 'webhooks';

/**
 * Keeps with each event, in the transaction of the change, the objects its payload shows, when
 * an active webhook of the organization would send them: a payload then shows the change as it
 * was made, even if the object changes again or is deleted before the event is handed over.
 * Organizations without such a webhook pay nothing on the write path (see WebhookInterest).
 */
@Injectable()
export class WebhookSnapshots implements EventAttacher<WebhookSourceEvent>, OnModuleInit {
  readonly key = SNAPSHOT_KEY;

  constructor(
    private readonly durable: DurableEvents,
    private readonly interest: WebhookInterest,
    private readonly payloads: WebhookPayloads,
  ) {}

  onModuleInit(): void {
    for (const eventClass of WEBHOOK_SOURCE_EVENTS) this.durable.attach(eventClass, this);
  }

  async wants(event: WebhookSourceEvent, manager?: EntityManager): Promise<boolean> {
    const occurrence = occurrenceOf(event);
    const hooks = await this.interest.activeFor(occurrence.organizationId, manager);
    return needsSnapshot(hooks, occurrence);
  }

  attach(events: WebhookSourceEvent[], manager: EntityManager): Promise<PayloadSnapshot[]> {
    return this.payloads.snapshot(manager, events.map(occurrenceOf));
  }

  /**
   * An annotation just submitted carries itself and its author: its snapshot needs no read. It
   * leaves out the id (unknown before the insert); the fan-out takes it from the event.
   */
  attachFromMemory(event: WebhookSourceEvent): PayloadSnapshot | null {
    if (!(event instanceof AnnotationsCreated) || !event.created) return null;
    const annotations = event.created.map((annotation) => {
      const { id: _unknown, ...shown } = serializeAnnotation(annotation, annotation.completed_by);
      return shown as PayloadObject;
    });
    return { annotations };
  }
}
