import { Client } from 'pg';
import {
  createFreshDatabase,
  FreshDatabase,
  freshQueuePrefix,
} from '../lib/database/fresh-database';
import { contractFetch } from './contract-agent';
import { freePort, NodeProcess } from './node-process';

const redisUrl = process.env.REDIS_URL;
const postgresUrl = process.env.DATABASE_URL;

/** Scaled-mode suites need PostgreSQL, Redis and a build; without them they are skipped. */
export const describeScaled = redisUrl && postgresUrl ? describe : describe.skip;

/**
 * An API process and worker processes on a fresh PostgreSQL database and Redis queues of their
 * own, as scaled mode runs them, with one account whose token the calls use.
 */
export class ScaledDeployment {
  private readonly workers: NodeProcess[] = [];

  private constructor(
    readonly env: Record<string, string | undefined>,
    readonly base: string,
    readonly token: string,
    readonly sql: Client,
    private readonly api: NodeProcess,
    private readonly database: FreshDatabase,
  ) {}

  /** `name` tells the account apart; `env` adds settings. A killed worker's job comes back within seconds. */
  static async start(name: string, env: Record<string, string> = {}): Promise<ScaledDeployment> {
    const database = await createFreshDatabase();
    const port = await freePort();
    const token = `${name}-token-0123456789abcdef`;
    const processEnv = {
      ...database.env,
      REDIS_URL: redisUrl,
      JOB_QUEUE_PREFIX: freshQueuePrefix(),
      PORT: String(port),
      HOST: '127.0.0.1',
      LABEL_STUDIO_USERNAME: `${name}@example.com`,
      LABEL_STUDIO_PASSWORD: `${name}-password-1`,
      LABEL_STUDIO_USER_TOKEN: token,
      JOB_LOCK_DURATION_MS: '2000',
      JOB_STALLED_INTERVAL_MS: '1000',
      ...env,
    };
    const api = NodeProcess.start('apps/api/src/main', processEnv);
    await api.waitForOutput('Label Studio API listening', 30_000);
    const sql = new Client({ connectionString: database.env.DATABASE_URL });
    await sql.connect();
    return new ScaledDeployment(processEnv, `http://127.0.0.1:${port}`, token, sql, api, database);
  }

  get dataDir(): string {
    return this.env.DATA_DIR as string;
  }

  /** A worker process; `env` changes its settings (a `DATA_DIR` of its own...). */
  async startWorker(env: Record<string, string> = {}): Promise<NodeProcess> {
    const worker = NodeProcess.start('apps/worker/src/main', { ...this.env, ...env });
    this.workers.push(worker);
    await worker.waitForOutput('is processing jobs');
    return worker;
  }

  async killWorkers(): Promise<void> {
    await Promise.all(this.workers.splice(0).map((worker) => worker.stop('SIGKILL')));
  }

  /** The `n` column of a one-row query (`SELECT COUNT(*) AS n ...`), parameters bound. */
  async count(sql: string, ...parameters: unknown[]): Promise<number> {
    return Number((await this.sql.query(sql, parameters)).rows[0].n);
  }

  /** A JSON call with the account's token, checked against the contract; JSON answers parsed. */
  async call(method: string, path: string, body?: unknown) {
    const { response, text } = await contractFetch(`${this.base}${path}`, {
      method,
      headers: { Authorization: `Token ${this.token}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = response.headers.get('content-type')?.includes('json');
    return { status: response.status, body: text && json ? JSON.parse(text) : text, response };
  }

  async close(): Promise<void> {
    await this.killWorkers();
    await this.sql.end();
    await this.api.stop();
    await this.database.drop();
  }
}

/** Reads until `done` holds, every 20 ms, failing with the last value after `timeoutMs`. */
export async function until<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs: number,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`still ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
