// Public API of @ls/core: the shared kernel every library and app builds on.
export { AppConfig, LOG_LEVELS } from './lib/config/app-config';
export type { ConfigOverrides, LogLevel } from './lib/config/app-config';
export { ConfigError, loadConfig, loadConfigOrExit, settingNames } from './lib/config/load-config';
export { booleanOfText, toBool } from './lib/config/boolean-text';

export { CoreModule } from './lib/core.module';
export { CoreHttpModule } from './lib/core-http.module';
export { CORE_MODULE_OPTIONS, runsJobs } from './lib/core.options';
export type { CoreModuleOptions, ProcessRole } from './lib/core.options';
export { SERVER_VERSION } from './lib/server-version';

export {
  dialectOf,
  dialectOfDataSource,
  dialectOfManager,
  placeholder,
} from './lib/database/dialect';
export { BoundSql, sqliteTimestamp } from './lib/database/bound-sql';
export type { BoundStatement, BoundValue } from './lib/database/bound-sql';
export type { DatabaseDialect } from './lib/database/dialect';
export {
  CreatedAtColumn,
  JsonColumn,
  TimestampColumn,
  UpdatedAtColumn,
} from './lib/database/dialect-columns';
export { registerMigrations, registeredMigrations } from './lib/database/migration-registry';
export type { DialectMigrations, MigrationClass } from './lib/database/migration-registry';
export { buildDataSourceOptions, sqliteFilePath } from './lib/database/data-source-options';
export { TransactionRunner } from './lib/database/transaction-runner';
export { PreparedQueries } from './lib/database/prepared-queries';
export * from './lib/database/id-lists';
export type { Transaction } from './lib/database/transaction-runner';

export { JobQueue } from './lib/jobs/job-queue';
export type {
  EnqueueOptions,
  JobEvent,
  JobEventType,
  JobExecution,
  JobSnapshot,
  JobStatus,
} from './lib/jobs/job-queue';
export { JobProcessor } from './lib/jobs/job-processor.decorator';
export type { JobHandler, JobProcessorOptions } from './lib/jobs/job-processor.decorator';
export { InvalidJobPayloadError } from './lib/jobs/invalid-job-payload.error';
export { waitForJob } from './lib/jobs/wait-for-job';
export { CORE_QUEUE, OUTBOX_RELAY_JOB, PING_JOB } from './lib/jobs/jobs.constants';
export type { PingJobPayload, PingJobResult } from './lib/jobs/ping.job';

export { DomainEvent } from './lib/events/domain-event';
export type { DomainEventClass } from './lib/events/domain-event';
export { DomainEventBus, OnDomainEvent } from './lib/events/domain-event-bus';
export { OnDurableEvent } from './lib/events/outbox/durable-event.decorator';
export type {
  DurableEventHandler,
  EventAttacher,
  RecordedEvent,
} from './lib/events/outbox/durable-event.decorator';
export { DurableEvents } from './lib/events/outbox/durable-events';
export { OutboxWriter } from './lib/events/outbox/outbox-writer';
export { OutboxRelay } from './lib/events/outbox/outbox-relay';
export { OutboxEvent } from './lib/events/outbox/outbox-event.entity';

export { HealthService } from './lib/health/health.service';
export type { HealthReport } from './lib/health/health.service';

export { buildErrorBody, VALIDATION_ERROR_DETAIL } from './lib/http/error-body';
export type { ErrorBody, ValidationErrors } from './lib/http/error-body';
export {
  flattenValidationErrors,
  ValidationFailedException,
} from './lib/http/validation-failed.exception';
export { AllExceptionsFilter } from './lib/http/all-exceptions.filter';
export { TooManyRequestsException } from './lib/http/too-many-requests.exception';
export { createValidationPipe } from './lib/http/validation-pipe';
export { IsRequired, REQUIRED_MESSAGE } from './lib/http/is-required';
export {
  buildOpenApiDocument,
  configureHttpApp,
  createHttpAdapter,
  REQUEST_ID_HEADER,
  trustedProxiesOf,
} from './lib/http/http-app';
export {
  DEFAULT_PAGE_SIZING,
  PageQuery,
  pageWindow,
  requestUrlOf,
  toPage,
} from './lib/http/pagination';
export type { Page, PageSizing, PageWindow } from './lib/http/pagination';
export { PageResponse } from './lib/http/page-response';
export { SchemaBehindError } from './lib/database/schema-check';
export { closeOnSignals } from './lib/shutdown';
export { createFreshDatabase, freshQueuePrefix } from './lib/database/fresh-database';
export type { FreshDatabase } from './lib/database/fresh-database';
export {
  AccountRoute,
  BodyLimit,
  NamedIn,
  PublicRoute,
  ResourceParams,
  routePolicy,
  routePolicyOf,
} from './lib/http/route-policy';
export type { RouteAccess, RoutePolicy } from './lib/http/route-policy';
export { PUBLIC_BODY_LIMIT, RequestAuthenticator, servedRoutes } from './lib/http/request-gate';
export type { ServedRoute } from './lib/http/request-gate';
export { MULTIPART_FIELD_LIMIT } from './lib/http/http-app';
export { AUTH_THROTTLER } from './lib/http/rate-limits';
export { canonicalJson, isJsonObject } from './lib/json/json-values';
export { AddressGuard } from './lib/outbound/address-guard';
export type { Resolver } from './lib/outbound/address-guard';
export { parseNetworks, refusedBlock } from './lib/outbound/reserved-networks';
export { RemoteFetchError } from './lib/outbound/remote-fetch.error';
export { OUTBOUND_USER_AGENT, OutboundHttp, OutboundHttpError } from './lib/outbound/outbound-http';
export type {
  OutboundFailure,
  OutboundRequest,
  OutboundResponse,
} from './lib/outbound/outbound-http';
