import { DomainEvent } from '@ls/core';
import type { Annotation } from '../entities/annotation.entity';

/** Which annotations of which project changed; listeners load what they need. */
abstract class AnnotationsEvent extends DomainEvent {
  constructor(
    readonly organizationId: number,
    readonly projectId: number,
    readonly annotationIds: number[],
  ) {
    super();
  }
}

export class AnnotationsCreated extends AnnotationsEvent {
  static override readonly eventName = 'annotations.annotations.created';

  /** `bulk`: made many at once (from predictions, the bulk route), not submitted one by one. */
  constructor(
    organizationId: number,
    projectId: number,
    annotationIds: number[],
    readonly bulk = false,
  ) {
    super(organizationId, projectId, annotationIds);
  }

  /**
   * The annotations as just written, with their authors, for listeners that would otherwise read
   * them back (a webhook's payload). Kept in memory only: never stored with the event.
   */
  declare readonly created?: Annotation[];

  carrying(created: Annotation[]): this {
    Object.defineProperty(this, 'created', { value: created, enumerable: false });
    return this;
  }
}

export class AnnotationUpdated extends AnnotationsEvent {
  static override readonly eventName = 'annotations.annotation.updated';
}

export class AnnotationsDeleted extends AnnotationsEvent {
  static override readonly eventName = 'annotations.annotations.deleted';
}

export class PredictionsCreated extends DomainEvent {
  static override readonly eventName = 'annotations.predictions.created';
  constructor(
    readonly organizationId: number,
    readonly projectId: number,
    readonly predictionIds: number[],
  ) {
    super();
  }
}
