import { Module } from '@nestjs/common';
import { PromptsModule } from './prompts.module';

@Module({
  imports: [PromptsModule],
  controllers: [],
})
export class PromptsHttpModule {}
