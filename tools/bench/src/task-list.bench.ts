import { Agent } from 'node:http';
import { createFreshDatabase } from '@ls/core';
import { positiveIntegerFromEnv } from './env';
import { residentMemory } from './import/process-memory';
import { createOrFail, sendJson } from './load/http-json';
import { startBenchApi } from './process/bench-api';
import { percentile, roundTo } from './stats';
import { BareSql, openBareSql } from './task-list/bare-sql';
import { captureRequestSql, RequestSql } from './task-list/captured-sql';
import { cityName, seedTasks } from './task-list/seed-tasks';

const TOKEN = 'bench-token-0123456789abcdef';
const LABEL_CONFIG = '<View><Text name="text" value="$text"/></View>';
const PAGE_SIZE = 100;
const WARMUP = 5;

type Figures = Record<string, number | string>;

interface Case {
  name: string;
  /** The URL of the n-th request; a case that varies it asks for a new selection each time. */
  url: (n: number) => string;
  /** A count-only case: its page of one is negligible, the count is the reference. */
  total?: boolean;
}

function cases(projectId: number, tasks: number): Case[] {
  const list = (query: unknown, page = 1, size = PAGE_SIZE) =>
    `/api/tasks/?project=${projectId}&page=${page}&page_size=${size}` +
    `&query=${encodeURIComponent(JSON.stringify(query))}`;
  const city = {
    filter: 'filter:tasks:data.city',
    operator: 'equal',
    type: 'String',
    value: cityName(7),
  };
  const cityFilter = { filters: { conjunction: 'and', items: [city] } };
  // The same tasks under a filter never asked before (`id > -n` holds for every task, and each
  // case has its own range of n), so the list cannot answer its totals from an earlier request.
  const newCityFilter = (n: number) => ({
    filters: {
      conjunction: 'and',
      items: [city, { filter: 'filter:tasks:id', operator: 'greater', type: 'Number', value: -n }],
    },
  });
  // Page 5,000 of 100 at 1M tasks; a smaller smoke run reads its middle page instead.
  const deep = Math.min(
    positiveIntegerFromEnv('BENCH_TASK_LIST_DEEP_PAGE', 5000),
    Math.max(1, Math.floor(tasks / PAGE_SIZE / 2)),
  );
  const same = (url: string) => () => url;
  return [
    {
      name: 'first page, city filter, -id',
      url: same(list({ ...cityFilter, ordering: ['-tasks:id'] })),
    },
    {
      name: 'first page, city filter, -id, new filter each request',
      url: (n) => list({ ...newCityFilter(n), ordering: ['-tasks:id'] }),
    },
    { name: `page ${deep}, id`, url: same(list({ ordering: ['tasks:id'] }, deep)) },
    { name: `page ${deep}, -id`, url: same(list({ ordering: ['-tasks:id'] }, deep)) },
    {
      name: 'total, city filter, new filter each request (page_size 1)',
      url: (n) => list(newCityFilter(1_000_000 + n), 1, 1),
      total: true,
    },
  ];
}

async function timings(runs: number, run: (n: number) => Promise<void>): Promise<number[]> {
  for (let i = 0; i < WARMUP; i += 1) await run(i);
  const durations: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = process.hrtime.bigint();
    await run(WARMUP + i);
    durations.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return durations.sort((a, b) => a - b);
}

const p = (sorted: number[], fraction: number) => roundTo(percentile(sorted, fraction), 1);

/** HTTP and bare figures of one request shape. */
async function measure(
  baseUrl: string,
  bare: BareSql,
  item: Case,
  sql: RequestSql,
  runs: number,
): Promise<Figures> {
  // A socket per case: the server closes one left idle through the minutes of bare runs (EPIPE).
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const http = await timings(runs, async (n) => {
    const path = item.url(n);
    const response = await sendJson(
      baseUrl,
      { method: 'GET', path, headers: { authorization: `Token ${TOKEN}` } },
      agent,
    );
    if (response.status !== 200) throw new Error(`${path}: ${response.status}`);
  });
  agent.destroy();
  const count = await timings(runs, () => bare.serial(sql.count));
  if (item.total) {
    return {
      case: item.name,
      http_p50_ms: p(http, 0.5),
      http_p99_ms: p(http, 0.99),
      bare_count_p50_ms: p(count, 0.5),
      bare_count_p99_ms: p(count, 0.99),
      ratio_p50: roundTo(percentile(http, 0.5) / percentile(count, 0.5), 2),
      ratio_p99: roundTo(percentile(http, 0.99) / percentile(count, 0.99), 2),
    };
  }
  const page = await timings(runs, () => bare.serial(sql.page));
  const request = await timings(runs, () => bare.request(sql));
  return {
    case: item.name,
    http_p50_ms: p(http, 0.5),
    http_p99_ms: p(http, 0.99),
    bare_request_p50_ms: p(request, 0.5),
    bare_request_p99_ms: p(request, 0.99),
    ratio_p50: roundTo(percentile(http, 0.5) / percentile(request, 0.5), 2),
    ratio_p99: roundTo(percentile(http, 0.99) / percentile(request, 0.99), 2),
    bare_page_p50_ms: p(page, 0.5),
    bare_page_p99_ms: p(page, 0.99),
    bare_count_p50_ms: p(count, 0.5),
    bare_count_p99_ms: p(count, 0.99),
    statements: sql.page.length + sql.count.length + sql.other.length,
  };
}

/**
 * The data manager's task list over `BENCH_TASK_LIST_TASKS` tasks (default 1,000,000) of one
 * project: the built API over HTTP, and beside each figure the same SQL run bare.
 */
export async function benchTaskList(): Promise<Figures[]> {
  const tasks = positiveIntegerFromEnv('BENCH_TASK_LIST_TASKS', 1_000_000);
  const runs = positiveIntegerFromEnv('BENCH_TASK_LIST_REQUESTS', 100);
  const database = await createFreshDatabase();
  const dbName = database.env.DATABASE_URL ? 'postgres' : 'sqlite';
  const { api, baseUrl } = await startBenchApi(database.env, TOKEN).catch(async (error) => {
    await database.drop();
    throw error;
  });
  let bare: BareSql | undefined;
  try {
    const project = await createOrFail<{ id: number }>(
      baseUrl,
      '/api/projects/',
      { title: 'Task list', label_config: LABEL_CONFIG },
      { authorization: `Token ${TOKEN}` },
    );
    const seedSeconds = await seedTasks(database.env, project.id, tasks);
    const items = cases(project.id, tasks);
    const captured = await captureRequestSql(
      database.env,
      TOKEN,
      items.map((item) => item.url(0)),
    );
    bare = await openBareSql(database.env);
    const results: Figures[] = [];
    const [first] = captured;
    results.push({
      database: dbName,
      tasks,
      seed_s: roundTo(seedSeconds, 1),
      plan_first_page: (await bare.plan(first.page[0])).join(' | '),
      plan_count: (await bare.plan(first.count[0])).join(' | '),
      plan_deep_page: (await bare.plan(captured[2].page[0])).join(' | '),
    });
    const before = await residentMemory(api.pid);
    for (const [n, item] of items.entries()) {
      results.push({
        database: dbName,
        ...(await measure(baseUrl, bare, item, captured[n], runs)),
      });
    }
    const after = await residentMemory(api.pid);
    results.push({
      database: dbName,
      rss_before_mb: before.currentMb,
      rss_after_mb: after.currentMb,
    });
    return results;
  } finally {
    await bare?.close();
    await api.stop();
    await database.drop();
  }
}
