import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsEmpty,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { toBool } from './boolean-text';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const toInt = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;

const emptyToUndefined = ({ value }: { value: unknown }) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

/**
 * Every setting the server reads from the environment. Property names are the variable names,
 * so a validation message names the variable to fix.
 */
export class AppConfig {
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 8080;

  @IsString()
  @MinLength(1)
  HOST = '0.0.0.0';

  @IsString()
  @MinLength(1)
  DATA_DIR = './data';

  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^rediss?:\/\/.+/, { message: 'REDIS_URL must be a redis:// or rediss:// URL' })
  REDIS_URL?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  LABEL_STUDIO_USERNAME?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  LABEL_STUDIO_PASSWORD?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  LABEL_STUDIO_USER_TOKEN?: string;

  /** Signs the JWT tokens; when unset, a random key is made once and kept in the database. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'SECRET_KEY must be at least 32 characters long' })
  SECRET_KEY?: string;

  @IsIn(LOG_LEVELS, { message: `LOG_LEVEL must be one of: ${LOG_LEVELS.join(', ')}` })
  LOG_LEVEL: LogLevel = 'info';

  @Transform(toBool())
  @IsBoolean()
  MIGRATE_ON_START = true;

  @Transform(emptyToUndefined)
  @Transform(toInt)
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(65535)
  WORKER_HEALTH_PORT?: number;

  /** Jobs one process runs at the same time, per queue. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(256)
  JOB_CONCURRENCY = 2;

  /** Prefix of every Redis key the job queues write. */
  @IsString()
  @Matches(/^[A-Za-z0-9_.:-]+$/, { message: 'JOB_QUEUE_PREFIX may hold letters, digits and _.:-' })
  JOB_QUEUE_PREFIX = 'ls';

  /** How long a worker's lock on a running job lasts without renewal (Bull lockDuration). */
  @Transform(toInt)
  @IsInt()
  @Min(500)
  JOB_LOCK_DURATION_MS = 30000;

  /** How often workers look for jobs whose worker died (Bull stalledInterval). */
  @Transform(toInt)
  @IsInt()
  @Min(500)
  JOB_STALLED_INTERVAL_MS = 30000;

  /**
   * Largest JSON or form body a route reads unless it declares its own limit (imports take up to
   * `IMPORT_MAX_FILE_SIZE`; public routes 64 KiB), in bytes.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1024)
  HTTP_BODY_LIMIT = 10 * 1024 * 1024;

  /**
   * Comma-separated addresses or CIDR blocks of the reverse proxies in front of the API. Only
   * requests from them may set the client address, host and scheme with X-Forwarded-* headers
   * (which show in links the API builds). Empty: no proxy is believed.
   */
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @Matches(/^$|^[0-9A-Fa-f:.]+(\/\d{1,3})?(\s*,\s*[0-9A-Fa-f:.]+(\/\d{1,3})?)*$/, {
    message: 'TRUSTED_PROXIES must be comma-separated IP addresses or CIDR blocks',
  })
  TRUSTED_PROXIES = '';

  /** Calls per minute one client address may make to each token and sign-up route. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  AUTH_RATE_LIMIT_PER_MINUTE = 60;

  /**
   * Requests with wrong credentials one client address may make in a minute; past it, every
   * request of that address with credentials answers 429 for a minute.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  AUTH_FAILURE_LIMIT_PER_MINUTE = 30;

  /**
   * Token an operator sends (`Authorization: Bearer <token>`) to `GET /health/jobs`, which queues
   * a job. Unset: that probe is off (403); `GET /health` needs no token.
   */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  @MinLength(20, { message: 'HEALTH_CHECK_TOKEN must be at least 20 characters long' })
  HEALTH_CHECK_TOKEN?: string;

  /**
   * Check prediction results against the project's label config like annotation results. Off lets
   * models send results the config does not describe, as older Label Studio did.
   */
  @Transform(toBool())
  @IsBoolean()
  VALIDATE_PREDICTIONS = true;

  /**
   * Largest label config a project may have, in bytes (more: 400). The config is parsed on the
   * request thread; at this size it parses in a few tens of milliseconds.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1024)
  @Max(16 * 1024 * 1024)
  LABEL_CONFIG_MAX_BYTES = 1024 * 1024;

  /**
   * Seconds a task handed out by `/api/projects/{id}/next/` stays reserved for its annotator
   * (Label Studio's `TASK_LOCK_TTL`, a day by default).
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  TASK_LOCK_TTL = 86_400;

  /**
   * Data manager actions that write in bulk (deletes, predictions to annotations, duplicates,
   * unassigning) run as a job on selections of more tasks than this; the request answers at once.
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  ACTION_JOB_THRESHOLD_TASKS = 10_000;

  /** Most tasks one import may carry. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  IMPORT_MAX_TASKS = 1_000_000;

  /** Largest total size of the files one import or upload may carry, in bytes (more: 413). */
  @Transform(toInt)
  @IsInt()
  @Min(1024)
  IMPORT_MAX_FILE_SIZE = 250 * 1024 * 1024;

  /** Most files one import request may carry (more: 413). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  IMPORT_MAX_FILES = 100;

  /**
   * Imports whose input (body, files or downloaded URL) is larger than this many bytes run as a
   * job (on a worker in scaled mode): the request answers at once with the import id.
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  IMPORT_JOB_THRESHOLD_BYTES = 32 * 1024 * 1024;

  /**
   * Refuse remote URLs (URL imports, later cloud links) that resolve to loopback, private,
   * link-local, metadata or other reserved addresses, checked at connect time on every redirect.
   */
  @Transform(toBool())
  @IsBoolean()
  SSRF_PROTECTION = true;

  /** Comma-separated CIDR blocks remote URLs may reach even though they are reserved. */
  @IsString()
  SSRF_ALLOWED_NETWORKS = '';

  /** Longest time a remote download may take, in milliseconds. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  REMOTE_FETCH_TIMEOUT_MS = 30_000;

  /** Most redirects a remote download follows. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(20)
  REMOTE_FETCH_MAX_REDIRECTS = 5;

  /**
   * How long a process may reuse what it read about an authenticated caller. Changes made
   * through this process apply at once; on other replicas a revoked token or removed member is
   * refused after at most this delay. 0 reads the caller on every request.
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(60_000)
  AUTH_CACHE_TTL_MS = 1000;

  /**
   * Seconds a browser session (the `ls_session` cookie of `POST /user/login`) lasts when the
   * user's organization has no session policy of its own.
   */
  @Transform(toInt)
  @IsInt()
  @Min(60)
  @Max(31_536_000)
  SESSION_MAX_AGE = 14 * 24 * 60 * 60;

  /** PostgreSQL connection pool size per process. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  DATABASE_POOL_SIZE = 10;

  /** Offer the local files storage type at all (`/api/storages/types`). */
  @Transform(toBool())
  @IsBoolean()
  ENABLE_LOCAL_FILES_STORAGE = true;

  /**
   * Serve files of local files storages under `/data/local-files/` and let such storages be
   * created and synced. Off by default: it exposes the server's disk to project members.
   */
  @Transform(toBool())
  @IsBoolean()
  LOCAL_FILES_SERVING_ENABLED = false;

  /** Local files storages must point strictly inside this directory. */
  @IsString()
  @MinLength(1)
  LOCAL_FILES_DOCUMENT_ROOT = '/';

  /** Export every existing annotation to an export storage as soon as it is created. */
  @Transform(toBool())
  @IsBoolean()
  SYNC_ON_TARGET_STORAGE_CREATION = true;

  /**
   * STS endpoint for the `s3s` storages' AssumeRole (empty: AWS's own, from the region); for
   * S3-compatible stores and tests.
   */
  @IsString()
  STORAGE_STS_ENDPOINT = '';

  /**
   * Account URL of the `azure` storages, `{account}` standing for `account_name` (empty:
   * `https://{account}.blob.core.windows.net`); for Azure's other clouds and emulators (azurite:
   * `http://127.0.0.1:10000/{account}`).
   */
  @Matches(/^(https?:\/\/\S*\{account\}\S*)?$/, {
    message: 'AZURE_BLOB_ENDPOINT must be empty or an http(s) URL holding {account}',
  })
  AZURE_BLOB_ENDPOINT = '';

  /**
   * Root of the GCS JSON API the `gcs` storages call (empty: `https://storage.googleapis.com`);
   * for emulators and tests. Requests there still carry the storage's access token.
   */
  @Matches(/^(https?:\/\/\S+)?$/, { message: 'GCS_API_ENDPOINT must be empty or an http(s) URL' })
  GCS_API_ENDPOINT = '';

  /**
   * The external credential of the `gcswif` storages: a file holding this server's OIDC token
   * (a Kubernetes projected service account token, a CI job's ID token...), read again at each
   * exchange since such tokens rotate. Empty: `gcswif` storages cannot connect.
   */
  @IsString()
  GCS_WIF_SUBJECT_TOKEN_FILE = '';

  /** The token type of `GCS_WIF_SUBJECT_TOKEN_FILE` as Google's STS names it. */
  @IsString()
  GCS_WIF_SUBJECT_TOKEN_TYPE = 'urn:ietf:params:oauth:token-type:jwt';

  /** Google's STS token exchange (empty: `https://sts.googleapis.com/v1/token`); for tests. */
  @Matches(/^(https?:\/\/\S+)?$/, { message: 'GCS_STS_ENDPOINT must be empty or an http(s) URL' })
  GCS_STS_ENDPOINT = '';

  /**
   * Root of Google's IAM Credentials API, for impersonation and signBlob (empty:
   * `https://iamcredentials.googleapis.com`); for tests.
   */
  @Matches(/^(https?:\/\/\S+)?$/, {
    message: 'GCS_IAM_CREDENTIALS_ENDPOINT must be empty or an http(s) URL',
  })
  GCS_IAM_CREDENTIALS_ENDPOINT = '';

  /**
   * Microsoft Entra ID authority host of the `azure_spi` and Databricks Azure AD service
   * principal storages (empty: `https://login.microsoftonline.com`); for sovereign clouds and tests.
   */
  @Matches(/^(https:\/\/\S+)?$/, { message: 'AZURE_AUTHORITY_HOST must be empty or an https URL' })
  AZURE_AUTHORITY_HOST = '';

  /**
   * A PEM file of extra certificate authorities the cloud storages trust besides the system's
   * (a private CA of a self-hosted store or identity provider). Empty: the system's only.
   */
  @IsString()
  STORAGE_CA_FILE = '';

  /** Longest time one storage request (list page, object read or write) may take, in ms. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  STORAGE_REQUEST_TIMEOUT_MS = 20_000;

  /** Largest byte range `/tasks/{id}/resolve/` proxies in one response (larger: clamped). */
  @Transform(toInt)
  @IsInt()
  @Min(64 * 1024)
  RESOLVER_PROXY_MAX_RANGE_SIZE = 8 * 1024 * 1024;

  /**
   * Where uploaded, queued-import and export files are kept: empty for `DATA_DIR`, or
   * `s3://bucket/prefix` for an S3 bucket, so API replicas and workers need no shared volume.
   */
  @Matches(/^(s3:\/\/[a-zA-Z0-9.\-_]{1,255}(\/[^\s\\]*)?)?$/, {
    message: 'UPLOADS_STORAGE must be empty or s3://bucket/prefix',
  })
  UPLOADS_STORAGE = '';

  /** S3-compatible endpoint of `UPLOADS_STORAGE` (empty: AWS), reached with path-style URLs. */
  @Matches(/^(https?:\/\/\S+)?$/, {
    message: 'UPLOADS_S3_ENDPOINT must be empty or an http:// or https:// URL',
  })
  UPLOADS_S3_ENDPOINT = '';

  /** Region of `UPLOADS_STORAGE`'s bucket (empty: `us-east-1`). */
  @Matches(/^[a-zA-Z0-9-]{0,63}$/, { message: 'UPLOADS_S3_REGION must be a region name' })
  UPLOADS_S3_REGION = '';

  /** Key pair for `UPLOADS_STORAGE`; both empty: the SDK's default chain (an instance role...). */
  @ValidateIf((config: AppConfig) => !config.UPLOADS_S3_SECRET_ACCESS_KEY)
  @IsEmpty({ message: 'UPLOADS_S3_ACCESS_KEY_ID needs UPLOADS_S3_SECRET_ACCESS_KEY' })
  UPLOADS_S3_ACCESS_KEY_ID = '';

  @ValidateIf((config: AppConfig) => !config.UPLOADS_S3_ACCESS_KEY_ID)
  @IsEmpty({ message: 'UPLOADS_S3_SECRET_ACCESS_KEY needs UPLOADS_S3_ACCESS_KEY_ID' })
  UPLOADS_S3_SECRET_ACCESS_KEY = '';

  /**
   * `/data/upload/...` with `UPLOADS_STORAGE`: false streams the object through the server;
   * true answers 303 to a presigned URL of the bucket (access is checked first either way).
   */
  @Transform(toBool())
  @IsBoolean()
  UPLOADS_PRESIGN = false;

  /** How long a presigned upload URL stays valid, in seconds (S3 allows a week at most). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(7 * 24 * 3600)
  UPLOADS_PRESIGN_TTL_SECONDS = 900;

  /**
   * How often a process that runs jobs looks for events left in the outbox, in milliseconds
   * (it is also woken after each commit that records one; this catches lost wake-ups).
   */
  @Transform(toInt)
  @IsInt()
  @Min(50)
  OUTBOX_POLL_MS = 1000;

  /**
   * How long after a commit that recorded events the relay is woken, in milliseconds: commits in
   * that window are handed over together (fewer, larger relay transactions under load).
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(10_000)
  OUTBOX_COALESCE_MS = 20;

  /** Events handed to the durable listeners per transaction. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(10_000)
  OUTBOX_BATCH_SIZE = 200;

  /** How long a webhook receiver has to answer one delivery, in milliseconds. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(120_000)
  WEBHOOK_TIMEOUT_MS = 10_000;

  /** Webhooks sent to at once per process (each webhook's deliveries go one at a time). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(256)
  WEBHOOK_DELIVERY_CONCURRENCY = 16;

  /** Tries of one delivery, the first included, before it is given up. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(50)
  WEBHOOK_MAX_ATTEMPTS = 8;

  /**
   * Delay before the second try, in milliseconds; each next one doubles it (with jitter). The
   * default spreads 8 tries over about an hour: 30 s, 1, 2, 4, 8, 16 and 32 min.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  WEBHOOK_RETRY_BASE_MS = 30_000;

  /** Failed tries in a row after which a webhook is deactivated (0: never). */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  WEBHOOK_MAX_CONSECUTIVE_FAILURES = 10;

  /** Tasks or annotations per request: a larger list is sent as several requests. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100_000)
  WEBHOOK_BATCH_SIZE = 5000;

  /** Longest wait to connect to a model server (ML backend), per call, in milliseconds. */
  @Transform(toInt)
  @IsInt()
  @Min(50)
  @Max(60_000)
  ML_CONNECTION_TIMEOUT_MS = 1000;

  /** A model server's `GET /health` must answer within this, in milliseconds. */
  @Transform(toInt)
  @IsInt()
  @Min(50)
  @Max(600_000)
  ML_TIMEOUT_HEALTH_MS = 1000;

  /** A model server's `POST /setup` must answer within this, in milliseconds. */
  @Transform(toInt)
  @IsInt()
  @Min(50)
  @Max(600_000)
  ML_TIMEOUT_SETUP_MS = 3000;

  /** A model server's `POST /train` (or the `START_TRAINING` webhook) within this, in ms. */
  @Transform(toInt)
  @IsInt()
  @Min(50)
  @Max(3_600_000)
  ML_TIMEOUT_TRAIN_MS = 30_000;

  /** A model server's `GET /versions` within this, in milliseconds. */
  @Transform(toInt)
  @IsInt()
  @Min(50)
  @Max(600_000)
  ML_TIMEOUT_VERSIONS_MS = 3000;

  /** An interactive pre-annotation (`/api/ml/{id}/interactive-annotating`) within this, in ms. */
  @Transform(toInt)
  @IsInt()
  @Min(50)
  @Max(600_000)
  ML_TIMEOUT_INTERACTIVE_MS = 100_000;

  /** Tasks sent in one `POST /predict` call of a model server. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(10_000)
  ML_PREDICT_BATCH_SIZE = 100;

  /**
   * Start training with the `START_TRAINING` action posted to the model server's `/webhook`
   * (newer model servers) instead of `POST /train` with the annotated tasks.
   */
  @Transform(toBool())
  @IsBoolean()
  ML_TRAIN_VIA_WEBHOOK = false;

  /**
   * Base URLs of the LLM providers' APIs, empty for the SDK's default (`https://api.openai.com/v1`,
   * `https://api.anthropic.com`, `https://generativelanguage.googleapis.com`,
   * `https://<location>-aiplatform.googleapis.com`): for a gateway in front of them, or tests.
   */
  @IsString()
  LLM_OPENAI_BASE_URL = '';

  @IsString()
  LLM_ANTHROPIC_BASE_URL = '';

  @IsString()
  LLM_GEMINI_BASE_URL = '';

  @IsString()
  LLM_VERTEXAI_BASE_URL = '';

  /** Longest time one LLM provider call (listing models, one completion) may take, in ms. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(3_600_000)
  LLM_TIMEOUT_MS = 120_000;

  /** Provider calls in flight at once per prompt inference run. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(256)
  PROMPTS_CONCURRENCY = 8;

  /** Tries of one task's provider call (429, 5xx, connection errors) before the task fails. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(20)
  PROMPTS_MAX_ATTEMPTS = 5;

  /** First retry delay of a provider call, doubled each try (a `Retry-After` wins), in ms. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(600_000)
  PROMPTS_RETRY_BASE_MS = 500;

  /**
   * Record every write request (POST, PUT, PATCH, DELETE under `/api`) of a member in the
   * activity log (`GET /api/activity-logs/`), written in batches off the request path.
   */
  @Transform(toBool())
  @IsBoolean()
  ACTIVITY_LOG = true;

  /** Activity log entries older than this many days are deleted (hourly); 0 keeps them all. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(36_500)
  ACTIVITY_LOG_RETENTION_DAYS = 180;

  /**
   * Serve the browser pages (sign-in, projects, Label Studio's data manager and editor) at `/`;
   * false for an API-only server.
   */
  @Transform(toBool())
  @IsBoolean()
  UI_ENABLED = true;
}

export type ConfigOverrides = Partial<Record<keyof AppConfig, string | number | boolean>>;
