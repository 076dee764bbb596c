import { DomainEvent } from '@ls/core';

/** A project of an organization changed; listeners load what they need. */
abstract class ProjectEvent extends DomainEvent {
  constructor(
    readonly organizationId: number,
    readonly projectId: number,
  ) {
    super();
  }
}

export class ProjectCreated extends ProjectEvent {
  static override readonly eventName = 'projects.project.created';
}

export class ProjectUpdated extends ProjectEvent {
  static override readonly eventName = 'projects.project.updated';
}

export class ProjectDeleted extends ProjectEvent {
  static override readonly eventName = 'projects.project.deleted';
}
