import { Agent } from 'node:http';
import { ANNOTATION_BODY } from '../load/annotation-load';
import { sendJson } from '../load/http-json';
import { percentile, roundTo } from '../stats';

export interface TimedLoadFigures {
  annotations: number;
  errors: number;
  annotations_per_s: number;
  p50_ms: number;
  p99_ms: number;
}

/**
 * Closed-loop annotate load until `until` resolves: `concurrency` clients POST annotations to the
 * tasks in turn, each its next as soon as the last is answered. Throughput and latency of the
 * whole time it ran (for a load beside something that lasts as long as it lasts).
 */
export async function annotateUntil(
  baseUrl: string,
  taskIds: number[],
  headers: Record<string, string>,
  concurrency: number,
  until: Promise<unknown>,
): Promise<TimedLoadFigures> {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  let done = false;
  void until.finally(() => (done = true));
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const client = async () => {
    while (!done) {
      const task = taskIds[next % taskIds.length];
      next += 1;
      const started = performance.now();
      const response = await sendJson(
        baseUrl,
        { method: 'POST', path: `/api/tasks/${task}/annotations/`, body: ANNOTATION_BODY, headers },
        agent,
      );
      latencies.push(performance.now() - started);
      if (response.status !== 201) errors += 1;
    }
  };
  const started = performance.now();
  try {
    await Promise.all(Array.from({ length: concurrency }, client));
  } finally {
    agent.destroy();
  }
  const elapsed = performance.now() - started;
  const sorted = latencies.sort((a, b) => a - b);
  return {
    annotations: sorted.length,
    errors,
    annotations_per_s: roundTo(((sorted.length - errors) * 1000) / elapsed, 1),
    p50_ms: roundTo(percentile(sorted, 0.5) ?? 0, 2),
    p99_ms: roundTo(percentile(sorted, 0.99) ?? 0, 2),
  };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
