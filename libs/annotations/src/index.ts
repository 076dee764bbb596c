// Public API of @ls/annotations: annotations, predictions, drafts and the label library.
export { AnnotationsModule } from './lib/annotations.module';
export { AnnotationsHttpModule } from './lib/annotations-http.module';
export { AnnotationsService } from './lib/annotations.service';
export { PredictionsService } from './lib/predictions.service';
export { Annotation } from './lib/entities/annotation.entity';
export { AnnotationDraft } from './lib/entities/annotation-draft.entity';
export { Prediction } from './lib/entities/prediction.entity';
export { Label } from './lib/labels/label.entity';
export { LabelLink } from './lib/labels/label-link.entity';
export {
  AnnotationsCreated,
  AnnotationsDeleted,
  AnnotationUpdated,
  PredictionsCreated,
} from './lib/events/annotation-events';
export { serializeAnnotation } from './lib/serializers';
/** 403 with the pause's reason when the caller is paused in the project the route names. */
export { assertNotPaused, PAUSED_DETAIL } from './lib/access/paused-caller';
export { resultProblems } from './lib/results/result-validation';
export { checkedResult } from './lib/results/result-input';
export { ImportedAnnotations } from './lib/imports/imported-annotations';
export { TaskSelectionWrites } from './lib/selection/task-selection-writes';
export { AnnotationsFromPredictions } from './lib/selection/annotations-from-predictions';
export type { AnnotationsOfTasks } from './lib/selection/task-selection-writes';
export type {
  ImportedAnnotationRow,
  ImportedPredictionRow,
  ImportedRows,
} from './lib/imports/imported-annotations';
