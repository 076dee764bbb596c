import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import {
  CORE_QUEUE,
  CoreModule,
  JobEvent,
  JobQueue,
  loadConfig,
  PING_JOB,
  PingJobResult,
  waitForJob,
} from '@ls/core';
import {
  createFreshDatabase,
  FreshDatabase,
  freePort,
  freshQueuePrefix,
  NodeProcess,
} from '@ls/core/testing';

const redisUrl = process.env.REDIS_URL;
const HEALTH_CHECK_TOKEN = 'worker-test-operator-token';
const operator = { headers: { Authorization: `Bearer ${HEALTH_CHECK_TOKEN}` } };
const describeWithRedis = redisUrl ? describe : describe.skip;

/** API and workers as separate processes, as in scaled mode; needs REDIS_URL and a build. */
describeWithRedis('API and worker processes (e2e, scaled mode)', () => {
  let database: FreshDatabase;
  let env: Record<string, string | undefined>;
  let api: NodeProcess;
  let apiUrl: string;
  let queueContext: INestApplicationContext;
  let queue: JobQueue;
  const workers: NodeProcess[] = [];

  const startWorker = async (): Promise<NodeProcess> => {
    const worker = NodeProcess.start('apps/worker/src/main', env);
    workers.push(worker);
    await worker.waitForOutput('is processing jobs');
    return worker;
  };

  const waitForEvent = async (events: JobEvent[], jobId: string, type: JobEvent['type']) => {
    const deadline = Date.now() + 15_000;
    while (!events.some((event) => event.jobId === jobId && event.type === type)) {
      if (Date.now() > deadline) throw new Error(`no ${type} event for job ${jobId}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };

  beforeAll(async () => {
    database = await createFreshDatabase();
    const port = await freePort();
    env = {
      ...database.env,
      REDIS_URL: redisUrl,
      JOB_QUEUE_PREFIX: freshQueuePrefix(),
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      // A killed worker's job is picked up again within seconds instead of the default 30 s.
      JOB_LOCK_DURATION_MS: '2000',
      JOB_STALLED_INTERVAL_MS: '1000',
      HEALTH_CHECK_TOKEN,
    };
    api = NodeProcess.start('apps/api/src/main', env);
    await api.waitForOutput('Label Studio API listening');
    apiUrl = `http://127.0.0.1:${port}`;
    queueContext = await NestFactory.createApplicationContext(
      CoreModule.forRoot({
        role: 'cli',
        config: loadConfig(env, { LOG_LEVEL: 'silent' }),
        runJobs: false,
      }),
      { logger: false },
    );
    queue = queueContext.get(JobQueue);
  });

  // A failed test must not leave its worker taking the next test's jobs.
  afterEach(async () => {
    await Promise.all(workers.splice(0).map((worker) => worker.stop('SIGKILL')));
  });

  afterAll(async () => {
    await api?.stop();
    await queueContext?.close();
    await database?.drop();
  });

  it('the API only enqueues: with no worker running, a job is not done', async () => {
    const response = await fetch(`${apiUrl}/health/jobs?timeout_ms=1000`, operator);
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ status: 'error', job_status: 'waiting' });
  });

  it('a job enqueued by the API process is completed by the worker process', async () => {
    const worker = await startWorker();
    const response = await fetch(`${apiUrl}/health/jobs?timeout_ms=15000`, operator);
    const body = (await response.json()) as { processed_by: { pid: number } };
    expect(response.status).toBe(200);
    expect(body).toMatchObject({ status: 'ok', job_status: 'completed' });
    expect(body.processed_by.pid).toBe(worker.pid);
    expect(body.processed_by.pid).not.toBe(api.pid);
    await worker.stop();
  });

  it('a job whose worker is killed runs again on a restarted worker and completes once', async () => {
    const events: JobEvent[] = [];
    const unsubscribe = await queue.onEvent(CORE_QUEUE, (event) => events.push(event));
    const doomed = await startWorker();
    const { id } = await queue.enqueue(CORE_QUEUE, PING_JOB, { holdMs: 3000 });
    await waitForEvent(events, id, 'active');
    doomed.child.kill('SIGKILL');
    expect((await doomed.exited).signal).toBe('SIGKILL');
    expect((await queue.getJob(CORE_QUEUE, id))?.status).toBe('active');

    const restarted = await startWorker();
    const job = await waitForJob<PingJobResult>(queue, CORE_QUEUE, id, 30_000);
    expect(job?.status).toBe('completed');
    expect(job?.result?.pid).toBe(restarted.pid);
    expect(events.some((event) => event.jobId === id && event.type === 'stalled')).toBe(true);

    // Nothing runs it a third time: still one completion a little later.
    await new Promise((resolve) => setTimeout(resolve, 2500));
    unsubscribe();
    const completions = events.filter((event) => event.jobId === id && event.type === 'completed');
    expect(completions).toHaveLength(1);
    await restarted.stop();
  });

  it('on SIGTERM a worker finishes its running job, then exits cleanly', async () => {
    const events: JobEvent[] = [];
    const unsubscribe = await queue.onEvent(CORE_QUEUE, (event) => events.push(event));
    const worker = await startWorker();
    const { id } = await queue.enqueue(CORE_QUEUE, PING_JOB, { holdMs: 1500 });
    await waitForEvent(events, id, 'active');
    worker.child.kill('SIGTERM');
    expect(await worker.exited).toEqual({ code: 0, signal: null });
    unsubscribe();
    const job = await queue.getJob<PingJobResult>(CORE_QUEUE, id);
    expect(job?.status).toBe('completed');
    expect(job?.result?.pid).toBe(worker.pid);
  });

  it('a worker answers its own /health on WORKER_HEALTH_PORT', async () => {
    const healthPort = await freePort();
    const worker = NodeProcess.start('apps/worker/src/main', {
      ...env,
      WORKER_HEALTH_PORT: String(healthPort),
    });
    workers.push(worker);
    await worker.waitForOutput('is processing jobs');
    const response = await fetch(`http://127.0.0.1:${healthPort}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      status: 'ok',
      database: { status: 'ok' },
      queue: { status: 'ok', mode: 'redis' },
    });
    await worker.stop();
  });
});
