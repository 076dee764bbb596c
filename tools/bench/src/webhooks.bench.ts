import { Agent } from 'node:http';
import { createFreshDatabase, freshQueuePrefix } from '@ls/core';
import { positiveIntegerFromEnv } from './env';
import { ANNOTATION_BODY, benchAnnotationLoad } from './load/annotation-load';
import { createOrFail, sendJson } from './load/http-json';
import { BuiltEntryProcess, freePort } from './process/built-entry-process';
import { percentile, roundTo } from './stats';
import { TimedReceiver } from './webhooks/timed-receiver';

type Figures = Record<string, number | string>;

const TOKEN = 'bench-token-0123456789abcdef';
const TASKS = 10;
const WEBHOOKS = 10;
const LABEL_CONFIG =
  '<View><Text name="text" value="$text"/><Choices name="sentiment" toName="text">' +
  '<Choice value="Positive"/><Choice value="Negative"/></Choices></View>';

/**
 * What webhooks cost and how fast they arrive, on the built server (API, plus a worker in scaled
 * mode: DATABASE_URL and REDIS_URL) and a receiver in this process:
 * - annotate throughput with no webhook, then with 10 active ones (the write path's share);
 * - BENCH_WEBHOOK_EVENTS annotation events (10,000) to one webhook: events/s and the latency from
 *   the API's answer (the commit) to the receiver, beside bare Node POSTing the same bodies.
 */
export async function benchWebhooks(): Promise<Figures[]> {
  const database = await createFreshDatabase();
  const scaled = Boolean(database.env.DATABASE_URL && process.env.REDIS_URL);
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const env = {
    ...database.env,
    ...(scaled ? { REDIS_URL: process.env.REDIS_URL, JOB_QUEUE_PREFIX: freshQueuePrefix() } : {}),
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    SSRF_ALLOWED_NETWORKS: '127.0.0.1/32',
    LABEL_STUDIO_USERNAME: 'bench@example.com',
    LABEL_STUDIO_PASSWORD: 'bench-password-1',
    LABEL_STUDIO_USER_TOKEN: TOKEN,
  };
  const api = BuiltEntryProcess.start('apps/api/src/main', env);
  let worker: BuiltEntryProcess | null = null;
  const receiver = new TimedReceiver();
  try {
    const hookUrl = await receiver.start();
    await api.waitForHttpOk(baseUrl, '/health');
    // After the API: it applies the migrations the worker checks for.
    if (scaled)
      worker = BuiltEntryProcess.start('apps/worker/src/main', { ...env, LOG_LEVEL: 'info' });
    await worker?.waitForOutput('is processing jobs', 60_000);
    const headers = { authorization: `Token ${TOKEN}` };
    const project = await createOrFail<{ id: number }>(
      baseUrl,
      '/api/projects/',
      { title: 'Bench', label_config: LABEL_CONFIG },
      headers,
    );
    const taskIds: number[] = [];
    for (let n = 1; n <= TASKS; n += 1) {
      const task = await createOrFail<{ id: number }>(
        baseUrl,
        '/api/tasks/',
        { project: project.id, data: { text: `task ${n}` } },
        headers,
      );
      taskIds.push(task.id);
    }
    const mode = scaled ? 'postgres+worker' : database.env.DATABASE_URL ? 'postgres' : 'sqlite';

    const none = await benchAnnotationLoad(baseUrl, taskIds, headers);
    const hookIds: number[] = [];
    for (let n = 0; n < WEBHOOKS; n += 1) {
      const hook = await createOrFail<{ id: number }>(
        baseUrl,
        '/api/webhooks/',
        { url: hookUrl, project: project.id },
        headers,
      );
      hookIds.push(hook.id);
    }
    receiver.reset();
    const ten = await benchAnnotationLoad(baseUrl, taskIds, headers);
    const throughput: Figures = {
      database: mode,
      annotations_per_s_no_webhook: none.annotations_per_s,
      annotations_per_s_10_webhooks: ten.annotations_per_s,
      ratio: roundTo(Number(ten.annotations_per_s) / Number(none.annotations_per_s), 2),
      p99_ms_no_webhook: none.p99_ms,
      p99_ms_10_webhooks: ten.p99_ms,
    };
    if (worker) {
      // The write path alone: the API's work is the same, the worker (relay and sending, which
      // share this machine's cores with the API) is stopped during the run and sends after.
      await drain(receiver, 600_000);
      await worker.stop();
      const alone = await benchAnnotationLoad(baseUrl, taskIds, headers);
      throughput.annotations_per_s_10_webhooks_worker_stopped = alone.annotations_per_s;
      throughput.ratio_write_path = roundTo(
        Number(alone.annotations_per_s) / Number(none.annotations_per_s),
        2,
      );
      worker = BuiltEntryProcess.start('apps/worker/src/main', { ...env, LOG_LEVEL: 'info' });
      await worker.waitForOutput('is processing jobs', 60_000);
    }
    for (const id of hookIds.slice(1)) {
      await sendJson(baseUrl, { method: 'DELETE', path: `/api/webhooks/${id}/`, headers });
    }
    // What the 10 webhooks still had to send is sent before the latency run starts.
    await drain(receiver, 600_000);
    return [throughput, await eventLatency(baseUrl, taskIds, headers, receiver, hookUrl, mode)];
  } finally {
    await receiver.stop();
    await worker?.stop();
    await api.stop();
    await database.drop();
  }
}

/** Waits until the receiver has had nothing new for a second. */
async function drain(receiver: TimedReceiver, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let seen = -1;
  while (seen !== receiver.requests && Date.now() < deadline) {
    seen = receiver.requests;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

async function eventLatency(
  baseUrl: string,
  taskIds: number[],
  headers: Record<string, string>,
  receiver: TimedReceiver,
  hookUrl: string,
  mode: string,
): Promise<Figures> {
  const events = positiveIntegerFromEnv('BENCH_WEBHOOK_EVENTS', 10_000);
  const concurrency = positiveIntegerFromEnv('BENCH_CONCURRENCY', 16);
  receiver.reset();
  const committed = new Map<number, number>();
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < events) {
        const task = taskIds[next % taskIds.length];
        next += 1;
        const answer = await sendJson(
          baseUrl,
          {
            method: 'POST',
            path: `/api/tasks/${task}/annotations/`,
            body: ANNOTATION_BODY,
            headers,
          },
          agent,
        );
        if (answer.status !== 201) throw new Error(`annotate answered ${answer.status}`);
        committed.set((JSON.parse(answer.body) as { id: number }).id, performance.now());
      }
    }),
  );
  agent.destroy();
  const written = performance.now();
  await receiver.waitForAnnotations([...committed.keys()], 600_000);
  const delivered = performance.now();
  const latencies = [...committed].map(([id, at]) => (receiver.arrivals.get(id) ?? NaN) - at);
  const sorted = latencies.filter(Number.isFinite).sort((a, b) => a - b);
  return {
    database: mode,
    events,
    annotate_s: roundTo((written - started) / 1000, 2),
    delivered_s: roundTo((delivered - started) / 1000, 2),
    events_per_s: roundTo((events * 1000) / (delivered - started), 1),
    commit_to_receipt_p50_ms: roundTo(percentile(sorted, 0.5), 1),
    commit_to_receipt_p99_ms: roundTo(percentile(sorted, 0.99), 1),
    bare_node_posts_per_s: await bareDelivery(hookUrl, receiver.lastBody, events),
  };
}

/** The reference: Node POSTing `count` bodies like a delivery's to the receiver, one at a time. */
async function bareDelivery(hookUrl: string, body: string, count: number) {
  const url = new URL(hookUrl);
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const started = performance.now();
  for (let n = 0; n < count; n += 1) {
    await sendJson(
      url.origin,
      { method: 'POST', path: url.pathname, body: JSON.parse(body) },
      agent,
    );
  }
  const elapsed = performance.now() - started;
  agent.destroy();
  return roundTo((count * 1000) / elapsed, 1);
}
