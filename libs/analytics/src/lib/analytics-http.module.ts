import { Module } from '@nestjs/common';
import { ActivityLogBuffer } from './activity-log/activity-log-buffer';
import { ActivityLogRecorder } from './activity-log/activity-log-recorder';
import { ActivityLogRetention } from './activity-log/activity-log-retention';
import { ActivityLogWriter } from './activity-log/activity-log-writer';
import { ActivityLogsController } from './activity-log/http/activity-logs.controller';
import { AnalyticsModule } from './analytics.module';
import { BillingController } from './billing/http/billing.controller';

/**
 * The routes, and what only an API process does: record the write requests it answers and
 * delete expired entries.
 */
@Module({
  imports: [AnalyticsModule],
  controllers: [ActivityLogsController, BillingController],
  providers: [ActivityLogWriter, ActivityLogBuffer, ActivityLogRecorder, ActivityLogRetention],
  exports: [ActivityLogBuffer, ActivityLogRetention],
})
export class AnalyticsHttpModule {}
