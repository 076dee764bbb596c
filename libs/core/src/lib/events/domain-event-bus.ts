import { Injectable, Logger } from '@nestjs/common';
import { EventEmitter2, OnEvent } from '@nestjs/event-emitter';
import { DomainEvent, DomainEventClass } from './domain-event';

/** In-process bus for domain events; publish only after the write that caused them has committed. */
@Injectable()
export class DomainEventBus {
  private readonly logger = new Logger(DomainEventBus.name);

  constructor(private readonly emitter: EventEmitter2) {}

  /** Runs every listener; a failing listener is logged and never fails the publisher. */
  async publish(event: DomainEvent): Promise<void> {
    try {
      await this.emitter.emitAsync(event.eventName, event);
    } catch (error) {
      this.logger.error(
        { err: error, event: event.eventName },
        `A listener of ${event.eventName} failed`,
      );
    }
  }
}

/** Subscribes a provider method to one domain event class. */
export const OnDomainEvent = (event: DomainEventClass) =>
  OnEvent(event.eventName, { async: true, promisify: true, suppressErrors: false });
