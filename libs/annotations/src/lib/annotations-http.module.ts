import { Module } from '@nestjs/common';
import { TaskAgreementController } from './agreement/task-agreement.controller';
import { AnnotationsController } from './annotations.controller';
import { AnnotationsModule } from './annotations.module';
import { DraftsController } from './drafts/drafts.controller';
import { TaskDraftsController } from './drafts/task-drafts.controller';
import { LabelLinksController } from './labels/label-links.controller';
import { LabelsController } from './labels/labels.controller';
import { PredictionsController } from './predictions.controller';
import { TaskAnnotationsController } from './task-annotations.controller';

@Module({
  imports: [AnnotationsModule],
  controllers: [
    TaskAnnotationsController,
    AnnotationsController,
    TaskDraftsController,
    DraftsController,
    TaskAgreementController,
    PredictionsController,
    LabelsController,
    LabelLinksController,
  ],
})
export class AnnotationsHttpModule {}
