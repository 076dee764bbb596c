import { Module } from '@nestjs/common';
import { MlBackendsController } from './ml/http/ml-backends.controller';
import { PromptsModule } from './prompts.module';

@Module({
  imports: [PromptsModule],
  controllers: [MlBackendsController],
})
export class PromptsHttpModule {}
