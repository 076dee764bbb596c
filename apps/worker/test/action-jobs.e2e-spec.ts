import { Client } from 'pg';
import {
  contractFetch,
  createFreshDatabase,
  FreshDatabase,
  freePort,
  freshQueuePrefix,
  NodeProcess,
} from '@ls/core/testing';

const redisUrl = process.env.REDIS_URL;
const postgresUrl = process.env.DATABASE_URL;
const describeScaled = redisUrl && postgresUrl ? describe : describe.skip;

const TOKEN = 'action-jobs-token-0123456789abcdef';
const CONFIG = `<View><Text name="text" value="$text"/>
  <Choices name="label" toName="text"><Choice value="A"/></Choices></View>`;
const RESULT = [
  { from_name: 'label', to_name: 'text', type: 'choices', value: { choices: ['A'] } },
];
const TASKS = 20_000;

/**
 * A data manager action above ACTION_JOB_THRESHOLD_TASKS in scaled mode runs on a worker; a worker
 * killed in the middle of it leaves what it committed, and the retried job finishes the rest
 * without doing anything twice. Needs PostgreSQL, Redis and a build.
 */
describeScaled('data manager action jobs on the worker (e2e, scaled mode)', () => {
  let database: FreshDatabase;
  let env: Record<string, string | undefined>;
  let api: NodeProcess;
  let base: string;
  let sql: Client;
  const workers: NodeProcess[] = [];

  const startWorker = async (): Promise<NodeProcess> => {
    const worker = NodeProcess.start('apps/worker/src/main', env);
    workers.push(worker);
    await worker.waitForOutput('is processing jobs');
    return worker;
  };

  const call = async (method: string, path: string, body?: unknown) => {
    const { response, text } = await contractFetch(`${base}${path}`, {
      method,
      headers: { Authorization: `Token ${TOKEN}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: text ? JSON.parse(text) : null };
  };

  const annotations = async (projectId: number) => {
    const { rows } = await sql.query(
      `SELECT COUNT(*)::int AS count, COUNT(DISTINCT parent_prediction_id)::int AS predictions,
              (SELECT COALESCE(SUM(total_annotations), 0)::int FROM task WHERE project_id = $1)
                AS counted
       FROM annotation WHERE project_id = $1`,
      [projectId],
    );
    return rows[0] as { count: number; predictions: number; counted: number };
  };

  const until = async <T>(
    read: () => Promise<T>,
    done: (value: T) => boolean,
    timeoutMs: number,
  ) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await read();
      if (done(value)) return value;
      if (Date.now() > deadline) throw new Error(`still ${JSON.stringify(value)}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };

  beforeAll(async () => {
    database = await createFreshDatabase();
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    env = {
      ...database.env,
      REDIS_URL: redisUrl,
      JOB_QUEUE_PREFIX: freshQueuePrefix(),
      PORT: String(port),
      HOST: '127.0.0.1',
      LABEL_STUDIO_USERNAME: 'actions@example.com',
      LABEL_STUDIO_PASSWORD: 'actions-password-1',
      LABEL_STUDIO_USER_TOKEN: TOKEN,
      ACTION_JOB_THRESHOLD_TASKS: '100',
      // A killed worker's job is picked up again within seconds instead of the default 30 s.
      JOB_LOCK_DURATION_MS: '2000',
      JOB_STALLED_INTERVAL_MS: '1000',
    };
    api = NodeProcess.start('apps/api/src/main', env);
    await api.waitForOutput('Label Studio API listening', 30_000);
    sql = new Client({ connectionString: database.env.DATABASE_URL });
    await sql.connect();
  }, 60_000);

  afterEach(async () => {
    await Promise.all(workers.splice(0).map((worker) => worker.stop('SIGKILL')));
  });

  afterAll(async () => {
    await sql?.end();
    await api?.stop();
    await database?.drop();
  });

  it('predictions to annotations: a worker killed mid-way, the retried job makes each one once', async () => {
    const created = await call('POST', '/api/projects/', {
      title: 'Actions',
      label_config: CONFIG,
    });
    expect(created.status).toBe(201);
    const projectId = created.body.id as number;
    const tasks = Array.from({ length: TASKS }, (_, n) => ({
      data: { text: `task ${n}` },
      predictions: [{ result: RESULT, model_version: 'v1', score: 0.5 }],
    }));
    // Below the import job threshold's default: imported within the request.
    const imported = await call('POST', `/api/projects/${projectId}/import`, tasks);
    expect(imported.status).toBe(201);
    expect(imported.body.prediction_count).toBe(TASKS);

    const queued = await call(
      'POST',
      `/api/dm/actions/?id=predictions_to_annotations&project=${projectId}`,
      {
        model_version: 'v1',
      },
    );
    expect(queued.status).toBe(200);
    expect(queued.body).toMatchObject({ processed_items: TASKS, async: true });
    // No worker yet: nothing is written.
    expect((await annotations(projectId)).count).toBe(0);

    const doomed = await startWorker();
    const partial = await until(
      () => annotations(projectId),
      (state) => state.count > 0,
      60_000,
    );
    doomed.child.kill('SIGKILL');
    await doomed.exited;
    const afterKill = await annotations(projectId);
    expect(afterKill.count).toBeGreaterThanOrEqual(partial.count);
    expect(afterKill.count).toBeLessThan(TASKS);
    // What was committed is whole: annotations and the tasks' counters agree.
    expect(afterKill.counted).toBe(afterKill.count);

    await startWorker();
    const done = await until(
      () => annotations(projectId),
      (state) => state.count >= TASKS,
      120_000,
    );
    expect(done).toEqual({ count: TASKS, predictions: TASKS, counted: TASKS });
    // The job is over: nothing more is written.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await annotations(projectId)).toEqual(done);
  }, 240_000);
});
