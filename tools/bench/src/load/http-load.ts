import { Agent } from 'node:http';
import { percentile, roundTo } from '../stats';
import { JsonRequest, sendJson } from './http-json';

export interface LoadPlan {
  baseUrl: string;
  /** Client loops running at the same time, each on its own keep-alive connection. */
  concurrency: number;
  requestsPerClient: number;
  /** Sent first and left out of the figures (connections, JIT, caches). */
  warmupRequests: number;
  expectedStatus: number;
  /** The request number `index` of a phase. */
  requestAt(index: number): JsonRequest;
}

export interface LoadFigures {
  requests: number;
  errors: number;
  ok_per_s: number;
  p50_ms: number;
  p99_ms: number;
  /** Status and body of the first unexpected answer, when there was one. */
  first_error?: string;
}

interface PhaseResult {
  latenciesMs: number[];
  errors: number;
  firstError?: string;
  elapsedMs: number;
}

async function runPhase(agent: Agent, plan: LoadPlan, total: number): Promise<PhaseResult> {
  const latenciesMs: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  let next = 0;
  const clientLoop = async () => {
    while (next < total) {
      const call = plan.requestAt(next);
      next += 1;
      const started = performance.now();
      const response = await sendJson(plan.baseUrl, call, agent);
      latenciesMs.push(performance.now() - started);
      if (response.status !== plan.expectedStatus) {
        errors += 1;
        firstError ??= `${call.method} ${call.path} answered ${response.status}: ${response.body.slice(0, 500)}`;
      }
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: plan.concurrency }, clientLoop));
  return { latenciesMs, errors, firstError, elapsedMs: performance.now() - started };
}

/**
 * Closed-loop load: `concurrency` clients each send their next request as soon as the previous
 * one is answered. Reports throughput of expected answers and latency percentiles.
 */
export async function runHttpLoad(plan: LoadPlan): Promise<LoadFigures> {
  const agent = new Agent({ keepAlive: true, maxSockets: plan.concurrency });
  try {
    const warmup = await runPhase(agent, plan, plan.warmupRequests);
    if (warmup.firstError) throw new Error(`warm-up failed: ${warmup.firstError}`);
    const measured = await runPhase(agent, plan, plan.concurrency * plan.requestsPerClient);
    const sorted = [...measured.latenciesMs].sort((a, b) => a - b);
    const ok = sorted.length - measured.errors;
    return {
      requests: sorted.length,
      errors: measured.errors,
      ok_per_s: roundTo((ok * 1000) / measured.elapsedMs, 1),
      p50_ms: roundTo(percentile(sorted, 0.5), 2),
      p99_ms: roundTo(percentile(sorted, 0.99), 2),
      ...(measured.firstError ? { first_error: measured.firstError } : {}),
    };
  } finally {
    agent.destroy();
  }
}
