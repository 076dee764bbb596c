import { positiveIntegerFromEnv } from './env';
import { benchAnnotationLoad } from './load/annotation-load';
import { withAnnotatingApi } from './load/annotating-api';
import { sendJson } from './load/http-json';
import { cpuTimeMs } from './process/cpu-time';
import { roundTo } from './stats';

type Figures = Record<string, number | string>;

interface Run {
  annotationsPerS: number;
  p99Ms: number;
  errors: number;
  /** CPU time the API process used per request of the load (warm-up included), if known. */
  cpuMsPerRequest: number | null;
  /** Entries the activity log holds after the run (warm-up included). */
  logged: number;
}

/**
 * What recording the activity log costs the write path: the annotation load of "annotation
 * create" against the built API with `ACTIVITY_LOG=off` and `on`, each on a fresh database with
 * the same project and tasks, `BENCH_ACTIVITY_LOG_ROUNDS` rounds (default 2; which setting goes
 * first alternates) because runs of one build differ by more than the effect looked for. Reports
 * each round, the ratio of the medians (on / off) and the API process's CPU time per request,
 * which other load on the machine does not move.
 */
export async function benchActivityLog(): Promise<Figures[]> {
  const rounds = positiveIntegerFromEnv('BENCH_ACTIVITY_LOG_ROUNDS', 2);
  const off: Run[] = [];
  const on: Run[] = [];
  let database = 'sqlite';
  for (let round = 0; round < rounds; round += 1) {
    // Which goes first alternates, so a machine getting busier or quieter favours neither.
    for (const setting of round % 2 === 0 ? (['off', 'on'] as const) : (['on', 'off'] as const)) {
      const result = await annotateOnFreshApi(setting);
      (setting === 'on' ? on : off).push(result.run);
      database = result.database;
    }
  }
  const median = (runs: Run[]) => {
    const sorted = runs.map((run) => run.annotationsPerS).sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 === 1
      ? sorted[middle]
      : roundTo((sorted[middle - 1] + sorted[middle]) / 2, 1);
  };
  const perRound = off.map((quiet, round) => ({
    database,
    round: round + 1,
    annotations_per_s_log_off: quiet.annotationsPerS,
    annotations_per_s_log_on: on[round].annotationsPerS,
    ratio: roundTo(on[round].annotationsPerS / quiet.annotationsPerS, 2),
    p99_ms_log_off: quiet.p99Ms,
    p99_ms_log_on: on[round].p99Ms,
    errors: quiet.errors + on[round].errors,
    api_cpu_ms_per_request_log_off: quiet.cpuMsPerRequest ?? 'n/a',
    api_cpu_ms_per_request_log_on: on[round].cpuMsPerRequest ?? 'n/a',
    entries_logged_on: on[round].logged,
    entries_logged_off: quiet.logged,
  }));
  const cpu = (runs: Run[]) =>
    runs.every((run) => run.cpuMsPerRequest !== null)
      ? roundTo(runs.reduce((sum, run) => sum + (run.cpuMsPerRequest ?? 0), 0) / runs.length, 3)
      : null;
  const [cpuOff, cpuOn] = [cpu(off), cpu(on)];
  return [
    ...perRound,
    {
      database,
      rounds,
      median_per_s_log_off: median(off),
      median_per_s_log_on: median(on),
      ratio_of_medians: roundTo(median(on) / median(off), 2),
      mean_api_cpu_ms_per_request_log_off: cpuOff ?? 'n/a',
      mean_api_cpu_ms_per_request_log_on: cpuOn ?? 'n/a',
      cpu_ratio: cpuOff && cpuOn ? roundTo(cpuOn / cpuOff, 2) : 'n/a',
    },
  ];
}

function annotateOnFreshApi(activityLog: 'on' | 'off'): Promise<{ database: string; run: Run }> {
  return withAnnotatingApi(
    { ACTIVITY_LOG: activityLog },
    async ({ api, baseUrl, headers, taskIds, database }) => {
      const cpuBefore = cpuTimeMs(api.pid);
      const figures = await benchAnnotationLoad(baseUrl, taskIds, headers);
      const cpuAfter = cpuTimeMs(api.pid);
      const requests = Number(figures.annotations) + positiveIntegerFromEnv('BENCH_WARMUP', 2000);
      // The last batch is written within ~250 ms of the last answer.
      await new Promise((resolve) => setTimeout(resolve, 500));
      const logs = await sendJson(baseUrl, {
        method: 'GET',
        path: '/api/activity-logs/?page_size=1',
        headers,
      });
      if (logs.status !== 200) {
        throw new Error(`activity logs answered ${logs.status}: ${logs.body}`);
      }
      return {
        database,
        run: {
          annotationsPerS: Number(figures.annotations_per_s),
          p99Ms: Number(figures.p99_ms),
          errors: Number(figures.errors),
          cpuMsPerRequest:
            cpuBefore === null || cpuAfter === null
              ? null
              : roundTo((cpuAfter - cpuBefore) / requests, 3),
          logged: (JSON.parse(logs.body) as { recordsTotal: number }).recordsTotal,
        },
      };
    },
  );
}
