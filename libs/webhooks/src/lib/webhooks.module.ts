import { Module } from '@nestjs/common';
import { AnnotationsModule } from '@ls/annotations';

/** Webhook subscriptions and their delivery. */
@Module({
  imports: [AnnotationsModule],
})
export class WebhooksModule {}
