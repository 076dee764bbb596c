import { positiveIntegerFromEnv } from './env';
import { withAnnotatingApi } from './load/annotating-api';
import { createOrFail } from './load/http-json';
import { FakeLlmServer } from './prompts/fake-llm-server';
import { preparePromptRun, waitForRun } from './prompts/prompt-run-setup';
import { annotateUntil, sleep } from './prompts/timed-annotation-load';
import { roundTo } from './stats';

type Figures = Record<string, number | string>;

const LATENCY_MS = 50;
const ANNOTATE_CLIENTS = 8;
const IDLE_LOAD_MS = 5000;

/**
 * Prompt inference runs on the built API (its in-process job queue, so the run shares the API's
 * process): BENCH_PROMPT_TASKS tasks (10,000) against a provider answering each call in 50 ms,
 * with PROMPTS_CONCURRENCY 8 and 32 (BENCH_PROMPT_CONCURRENCIES). Per concurrency: tasks/s beside
 * the ideal (concurrency / latency), and the annotate throughput of 8 clients while the run goes
 * on beside the same load with the API idle.
 */
export async function benchPromptsInference(): Promise<Figures[]> {
  const tasks = positiveIntegerFromEnv('BENCH_PROMPT_TASKS', 10_000);
  const concurrencies = (process.env.BENCH_PROMPT_CONCURRENCIES ?? '8,32')
    .split(',')
    .map((value) => Number(value.trim()));
  const provider = new FakeLlmServer(LATENCY_MS);
  await provider.start();
  try {
    const figures: Figures[] = [];
    for (const concurrency of concurrencies) {
      figures.push(await benchOne(provider, tasks, concurrency));
    }
    return figures;
  } finally {
    await provider.stop();
  }
}

async function benchOne(provider: FakeLlmServer, tasks: number, concurrency: number) {
  const env = {
    SSRF_ALLOWED_NETWORKS: '127.0.0.1/32',
    LLM_OPENAI_BASE_URL: `${provider.url}/v1`,
    PROMPTS_CONCURRENCY: String(concurrency),
  };
  return withAnnotatingApi(env, async ({ baseUrl, headers, taskIds, database }) => {
    const target = await preparePromptRun(baseUrl, headers, tasks);
    const idle = await annotateUntil(
      baseUrl,
      taskIds,
      headers,
      ANNOTATE_CLIENTS,
      sleep(IDLE_LOAD_MS),
    );
    const callsBefore = provider.completions;
    const started = performance.now();
    const run = await createOrFail<{ id: number }>(
      baseUrl,
      target.runs,
      { project: target.project, project_subset: 'All' },
      headers,
    );
    const finished = waitForRun(baseUrl, headers, target.runs, run.id, 3_600_000);
    const during = await annotateUntil(baseUrl, taskIds, headers, ANNOTATE_CLIENTS, finished);
    const ended = await finished;
    const elapsedS = (performance.now() - started) / 1000;
    const ideal = concurrency / (LATENCY_MS / 1000);
    const tasksPerS = ended.total_predictions / elapsedS;
    return {
      database,
      concurrency,
      tasks,
      status: ended.status,
      predictions: ended.total_predictions,
      provider_calls: provider.completions - callsBefore,
      run_s: roundTo(elapsedS, 2),
      tasks_per_s: roundTo(tasksPerS, 1),
      ideal_tasks_per_s: ideal,
      of_ideal: roundTo(tasksPerS / ideal, 2),
      annotations_per_s_idle: idle.annotations_per_s,
      annotations_per_s_during_run: during.annotations_per_s,
      annotate_ratio: roundTo(during.annotations_per_s / idle.annotations_per_s, 2),
      annotate_p99_ms_idle: idle.p99_ms,
      annotate_p99_ms_during_run: during.p99_ms,
    };
  });
}
