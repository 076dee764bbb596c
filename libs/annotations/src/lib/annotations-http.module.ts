import { Module } from '@nestjs/common';
import { TaskAgreementController } from './agreement/task-agreement.controller';
import { AnnotationsController } from './annotations.controller';
import { AnnotationsModule } from './annotations.module';
import { LabelLinksController } from './labels/label-links.controller';
import { LabelsController } from './labels/labels.controller';
import { PredictionsController } from './predictions.controller';
import { TaskAnnotationsController } from './task-annotations.controller';

@Module({
  imports: [AnnotationsModule],
  controllers: [
    TaskAnnotationsController,
    AnnotationsController,
    TaskAgreementController,
    PredictionsController,
    LabelsController,
    LabelLinksController,
  ],
})
export class AnnotationsHttpModule {}
