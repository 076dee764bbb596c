import { Module } from '@nestjs/common';
import {
  AnnotationsController,
  TaskAgreementController,
  TaskAnnotationsController,
} from './annotations.controller';
import { AnnotationsModule } from './annotations.module';
import { LabelLinksController, LabelsController } from './labels/labels.controller';
import { PredictionsController } from './predictions.controller';

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
