import { Injectable } from '@nestjs/common';
import { DomainEvent, DomainEventClass } from '../domain-event';
import { DurableEventHandler, EventAttacher } from './durable-event.decorator';

/** Which event classes have durable listeners in this process, and who they are. */
@Injectable()
export class DurableEvents {
  private readonly classes = new Map<string, DomainEventClass>();
  private readonly handlers = new Map<string, DurableEventHandler[]>();
  private readonly attachers = new Map<string, EventAttacher[]>();

  subscribe(eventClass: DomainEventClass, handler: DurableEventHandler): void {
    this.classes.set(eventClass.eventName, eventClass);
    this.handlers.set(eventClass.eventName, [...this.handlersOf(eventClass.eventName), handler]);
  }

  /** Adds an attacher for a class that has (or will have) a durable listener. */
  attach<E extends DomainEvent>(eventClass: DomainEventClass<E>, attacher: EventAttacher<E>): void {
    const known = this.attachersOf(eventClass.eventName);
    this.attachers.set(eventClass.eventName, [...known, attacher as unknown as EventAttacher]);
  }

  attachersOf(eventName: string): EventAttacher[] {
    return this.attachers.get(eventName) ?? [];
  }

  /** Whether any durable listener runs in this process (no relay is needed otherwise). */
  get any(): boolean {
    return this.classes.size > 0;
  }

  isDurable(eventName: string): boolean {
    return this.classes.has(eventName);
  }

  handlersOf(eventName: string): DurableEventHandler[] {
    return this.handlers.get(eventName) ?? [];
  }

  /** An event's own fields, as stored in the outbox. */
  payloadOf(event: DomainEvent): Record<string, unknown> {
    return { ...event };
  }

  /** The event read back from its stored fields; null when no listener here knows its class. */
  revive(eventName: string, payload: Record<string, unknown>): DomainEvent | null {
    const eventClass = this.classes.get(eventName);
    if (!eventClass) return null;
    return Object.assign(Object.create(eventClass.prototype) as DomainEvent, payload);
  }
}
