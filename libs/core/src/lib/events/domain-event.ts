/**
 * Base of every domain event. Subclasses declare `static readonly eventName = '<lib>.<thing>.<verb>'`
 * and carry plain data only (ids, not entities), so listeners can enqueue them as job payloads.
 */
export abstract class DomainEvent {
  static readonly eventName: string;

  get eventName(): string {
    return (this.constructor as typeof DomainEvent).eventName;
  }
}

export type DomainEventClass<E extends DomainEvent = DomainEvent> = {
  readonly eventName: string;
  new (...args: never[]): E;
};
