import { DomainEvent } from '@ls/core';

export class TasksCreated extends DomainEvent {
  static override readonly eventName = 'tasks.tasks.created';
  constructor(
    readonly organizationId: number,
    readonly projectId: number,
    readonly taskIds: number[],
  ) {
    super();
  }
}

export class TasksDeleted extends DomainEvent {
  static override readonly eventName = 'tasks.tasks.deleted';
  constructor(
    readonly organizationId: number,
    readonly projectId: number,
    readonly taskIds: number[],
  ) {
    super();
  }
}
