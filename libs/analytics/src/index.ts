// Public API of @ls/analytics: the activity log of members' write requests, and billing info.
export { AnalyticsModule } from './lib/analytics.module';
export { AnalyticsHttpModule } from './lib/analytics-http.module';
export { ActivityLog } from './lib/activity-log/activity-log.entity';
export { ActivityLogsService } from './lib/activity-log/activity-logs.service';
export type {
  ActivityLogFilters,
  ActivityLogPage,
  ActivityLogPaging,
} from './lib/activity-log/activity-logs.service';
/** Flush (`flush()`) before reading entries just recorded; written every ~250 ms otherwise. */
export { ActivityLogBuffer } from './lib/activity-log/activity-log-buffer';
export { ActivityLogRetention } from './lib/activity-log/activity-log-retention';
export { BillingInfoService, NO_LIMIT } from './lib/billing/billing-info.service';
