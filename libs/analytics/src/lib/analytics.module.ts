import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AnnotationsModule } from '@ls/annotations';
import { registerMigrations } from '@ls/core';
import { ANALYTICS_MIGRATIONS } from '../migrations';
import { ActivityLog } from './activity-log/activity-log.entity';
import { ActivityLogsService } from './activity-log/activity-logs.service';
import { BillingInfoService } from './billing/billing-info.service';
import { BillingUsage } from './billing/billing-usage';

registerMigrations('analytics', ANALYTICS_MIGRATIONS);

/**
 * The activity log's table and reads, and billing info. The tables it counts (projects,
 * annotations) come with `AnnotationsModule`.
 */
@Module({
  imports: [AnnotationsModule, TypeOrmModule.forFeature([ActivityLog])],
  providers: [ActivityLogsService, BillingUsage, BillingInfoService],
  exports: [ActivityLogsService, BillingInfoService],
})
export class AnalyticsModule {}
