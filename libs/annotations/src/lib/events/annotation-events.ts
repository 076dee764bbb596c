import { DomainEvent } from '@ls/core';

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
