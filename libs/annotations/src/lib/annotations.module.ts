import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { registerMigrations } from '@ls/core';
import { LabelUsage, ProjectStats } from '@ls/projects';
import { TaskCounters, TaskRelations, TasksModule, TaskVisibility } from '@ls/tasks';
import { ANNOTATIONS_MIGRATIONS } from '../migrations';
import { workedOnSql } from './access/worked-on.sql';
import { AnnotationResources } from './annotation-resources';
import { AnnotationsService } from './annotations.service';
import { ANNOTATION_COUNTS } from './counters/annotation-counts';
import { DraftsService } from './drafts/drafts.service';
import { AnnotationDraft } from './entities/annotation-draft.entity';
import { Annotation } from './entities/annotation.entity';
import { Prediction } from './entities/prediction.entity';
import { LabelLink } from './labels/label-link.entity';
import { Label } from './labels/label.entity';
import { LabelsService } from './labels/labels.service';
import { ImportedAnnotations } from './imports/imported-annotations';
import { PredictionsService } from './predictions.service';
import { AnnotationCountersSource } from './sources/annotation-counters.source';
import { LabelUsageFromAnnotations } from './sources/label-usage.source';
import { TaskRelationsFromAnnotations } from './sources/task-relations.source';
import { TaskAccess } from './task-access';
import { AnnotationsFromPredictions } from './selection/annotations-from-predictions';
import { TaskSelectionWrites } from './selection/task-selection-writes';
import { AnnotationWriter } from './writes/annotation-writer';

registerMigrations('annotations', ANNOTATIONS_MIGRATIONS);

/**
 * Annotations, predictions, drafts and the label library; fills the projects library's counters
 * and label usage, and the tasks library's task relations, counting SQL and what an annotator
 * worked on (task visibility).
 */
@Module({
  imports: [
    TasksModule,
    TypeOrmModule.forFeature([Annotation, Prediction, AnnotationDraft, Label, LabelLink]),
  ],
  providers: [
    AnnotationResources,
    TaskAccess,
    AnnotationWriter,
    AnnotationsService,
    DraftsService,
    PredictionsService,
    LabelsService,
    ImportedAnnotations,
    AnnotationCountersSource,
    LabelUsageFromAnnotations,
    TaskRelationsFromAnnotations,
    TaskSelectionWrites,
    AnnotationsFromPredictions,
  ],
  exports: [
    TasksModule,
    TypeOrmModule,
    AnnotationsService,
    DraftsService,
    PredictionsService,
    LabelsService,
    ImportedAnnotations,
    TaskSelectionWrites,
    AnnotationsFromPredictions,
  ],
})
export class AnnotationsModule implements OnModuleInit {
  constructor(
    private readonly stats: ProjectStats,
    private readonly labelUsage: LabelUsage,
    private readonly taskRelations: TaskRelations,
    private readonly taskCounters: TaskCounters,
    private readonly counters: AnnotationCountersSource,
    private readonly usage: LabelUsageFromAnnotations,
    private readonly related: TaskRelationsFromAnnotations,
    private readonly visibility: TaskVisibility,
  ) {}

  onModuleInit(): void {
    this.stats.register(this.counters);
    this.labelUsage.register(this.usage);
    this.taskRelations.register(this.related);
    this.taskCounters.register(ANNOTATION_COUNTS);
    this.visibility.registerWorkedOn(workedOnSql);
  }
}
