import { Module } from '@nestjs/common';
import { AnnotationsModule } from '@ls/annotations';
import { DataManagerModule } from '@ls/data-manager';

/** Models that predict: ML backends (model servers) and, later, LLM prompts. */
@Module({
  imports: [AnnotationsModule, DataManagerModule],
})
export class PromptsModule {}
