import { positiveIntegerFromEnv } from '../env';
import { LoadPlan, runHttpLoad } from './http-load';

/** One choice, as the Label Studio editor submits it. */
export const ANNOTATION_BODY = {
  result: [
    {
      from_name: 'sentiment',
      to_name: 'text',
      type: 'choices',
      value: { choices: ['Positive'] },
    },
  ],
  lead_time: 1.5,
};

/**
 * POSTs annotations to `/api/tasks/{id}/annotations/` with the tasks taken in turn, under the
 * BENCH_CONCURRENCY / BENCH_ANNOTATIONS_PER_CLIENT / BENCH_WARMUP settings, and reports the
 * figures shared by the API benchmark and its bare INSERT reference.
 */
export async function benchAnnotationLoad(
  baseUrl: string,
  taskIds: number[],
  headers: Record<string, string> = {},
): Promise<Record<string, number | string>> {
  const plan: LoadPlan = {
    baseUrl,
    concurrency: positiveIntegerFromEnv('BENCH_CONCURRENCY', 16),
    requestsPerClient: positiveIntegerFromEnv('BENCH_ANNOTATIONS_PER_CLIENT', 200),
    warmupRequests: positiveIntegerFromEnv('BENCH_WARMUP', 2000),
    expectedStatus: 201,
    requestAt: (index) => ({
      method: 'POST',
      path: `/api/tasks/${taskIds[index % taskIds.length]}/annotations/`,
      body: ANNOTATION_BODY,
      headers,
    }),
  };
  const figures = await runHttpLoad(plan);
  return {
    concurrency: plan.concurrency,
    annotations: figures.requests,
    errors: figures.errors,
    annotations_per_s: figures.ok_per_s,
    p50_ms: figures.p50_ms,
    p99_ms: figures.p99_ms,
    ...(figures.first_error ? { first_error: figures.first_error } : {}),
  };
}
