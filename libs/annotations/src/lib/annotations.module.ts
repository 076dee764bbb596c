import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { registerMigrations } from '@ls/core';
import { LabelUsage, ProjectStats, TaskStates } from '@ls/projects';
import { TaskRelations, TasksModule } from '@ls/tasks';
import { ANNOTATIONS_MIGRATIONS } from '../migrations';
import { AnnotationResources } from './annotation-resources';
import { AnnotationsService } from './annotations.service';
import { AnnotationDraft } from './entities/annotation-draft.entity';
import { Annotation } from './entities/annotation.entity';
import { Prediction } from './entities/prediction.entity';
import { LabelLink } from './labels/label-link.entity';
import { Label } from './labels/label.entity';
import { LabelsService } from './labels/labels.service';
import { TaskStatesFromAnnotations } from './overlap/task-states.source';
import { PredictionsService } from './predictions.service';
import { AnnotationCountersSource } from './sources/annotation-counters.source';
import { LabelUsageFromAnnotations } from './sources/label-usage.source';
import { TaskRelationsFromAnnotations } from './sources/task-relations.source';
import { TaskAccess } from './task-access';
import { AnnotationWriter } from './writes/annotation-writer';

registerMigrations('annotations', ANNOTATIONS_MIGRATIONS);

/**
 * Annotations, predictions, drafts and the label library; fills the projects library's counters,
 * label usage and task states, and the tasks library's task relations.
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
    PredictionsService,
    LabelsService,
    AnnotationCountersSource,
    LabelUsageFromAnnotations,
    TaskRelationsFromAnnotations,
    TaskStatesFromAnnotations,
  ],
  exports: [TasksModule, TypeOrmModule, AnnotationsService, PredictionsService, LabelsService],
})
export class AnnotationsModule implements OnModuleInit {
  constructor(
    private readonly stats: ProjectStats,
    private readonly labelUsage: LabelUsage,
    private readonly taskRelations: TaskRelations,
    private readonly taskStates: TaskStates,
    private readonly counters: AnnotationCountersSource,
    private readonly usage: LabelUsageFromAnnotations,
    private readonly related: TaskRelationsFromAnnotations,
    private readonly states: TaskStatesFromAnnotations,
  ) {}

  onModuleInit(): void {
    this.stats.register(this.counters);
    this.labelUsage.register(this.usage);
    this.taskRelations.register(this.related);
    this.taskStates.register(this.states);
  }
}
