import { Injectable, OnModuleInit } from '@nestjs/common';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import { DomainEventClass } from '../domain-event';
import { DURABLE_EVENT_METADATA, DurableEventHandler } from './durable-event.decorator';
import { DurableEvents } from './durable-events';

/** Finds every `@OnDurableEvent` method, before any transaction can publish an event. */
@Injectable()
export class DurableEventExplorer implements OnModuleInit {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly durable: DurableEvents,
  ) {}

  onModuleInit(): void {
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object' || wrapper.isAlias) continue;
      const prototype = Object.getPrototypeOf(instance) as object;
      for (const method of this.scanner.getAllMethodNames(prototype)) {
        const handler = instance[method] as DurableEventHandler;
        const eventClass = Reflect.getMetadata(DURABLE_EVENT_METADATA, handler) as
          DomainEventClass | undefined;
        if (eventClass) this.durable.subscribe(eventClass, handler.bind(instance));
      }
    }
  }
}
