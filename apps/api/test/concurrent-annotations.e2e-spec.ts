import {
  contractFetch,
  createFreshDatabase,
  FreshDatabase,
  freePort,
  NodeProcess,
} from '@ls/core/testing';

const CLIENTS = 16;
const PER_CLIENT = 50;
const TASKS = 10;
const TOKEN = 'concurrency-token-0123456789abcdef';
const CONFIG =
  '<View><Text name="text" value="$text"/><Choices name="c" toName="text"><Choice value="A"/><Choice value="B"/></Choices></View>';

/**
 * 16 clients post 50 annotations each to the same 10 tasks at once, over real HTTP against the
 * built API in its own process: every write is stored, no client sees a 5xx (no deadlock on
 * PostgreSQL, no "database is locked" on SQLite), and the counters equal a recount.
 */
describe('concurrent annotation writes over HTTP (e2e)', () => {
  let database: FreshDatabase;
  let api: NodeProcess;
  let base: string;

  beforeAll(async () => {
    database = await createFreshDatabase();
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    api = NodeProcess.start('apps/api/src/main', {
      ...database.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      LABEL_STUDIO_USERNAME: 'writer@example.com',
      LABEL_STUDIO_PASSWORD: 'writer-password-1',
      LABEL_STUDIO_USER_TOKEN: TOKEN,
    });
    await api.waitForOutput('Label Studio API listening', 30_000);
  }, 60_000);

  afterAll(async () => {
    await api?.stop();
    await database?.drop();
  });

  const call = async (method: string, path: string, body?: unknown) => {
    const { response, text } = await contractFetch(`${base}${path}`, {
      method,
      headers: { Authorization: `Token ${TOKEN}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: text ? JSON.parse(text) : null };
  };

  it('stores all 800 annotations with exact counters and no 5xx', async () => {
    const project = await call('POST', '/api/projects/', {
      title: 'Concurrent',
      label_config: CONFIG,
    });
    expect(project.status).toBe(201);
    const taskIds: number[] = [];
    for (let i = 0; i < TASKS; i += 1) {
      const task = await call('POST', '/api/tasks/', {
        project: project.body.id,
        data: { text: `t${i}` },
      });
      expect(task.status).toBe(201);
      taskIds.push(task.body.id);
    }

    const statuses = new Map<number, number>();
    const failures: string[] = [];
    await Promise.all(
      Array.from({ length: CLIENTS }, async (_, client) => {
        for (let i = 0; i < PER_CLIENT; i += 1) {
          const task = taskIds[(client + i) % TASKS];
          const skip = (client * PER_CLIENT + i) % 5 === 0;
          const response = await call('POST', `/api/tasks/${task}/annotations/`, {
            result: skip
              ? []
              : [{ from_name: 'c', to_name: 'text', type: 'choices', value: { choices: ['A'] } }],
            was_cancelled: skip,
          });
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
          if (response.status !== 201)
            failures.push(`${response.status} ${JSON.stringify(response.body)}`);
        }
      }),
    );
    expect(failures).toEqual([]);
    expect(statuses).toEqual(new Map([[201, CLIENTS * PER_CLIENT]]));
    expect(api.log).not.toMatch(/database is locked|deadlock/i);

    let annotations = 0;
    for (const id of taskIds) {
      const { body: task } = await call('GET', `/api/tasks/${id}/`);
      const rows = task.annotations as { was_cancelled: boolean }[];
      const cancelled = rows.filter((a) => a.was_cancelled).length;
      expect([task.total_annotations, task.cancelled_annotations]).toEqual([
        rows.length - cancelled,
        cancelled,
      ]);
      expect(task.is_labeled).toBe(rows.length - cancelled >= 1);
      annotations += rows.length;
    }
    expect(annotations).toBe(CLIENTS * PER_CLIENT);
    const { body: counters } = await call('GET', `/api/projects/${project.body.id}/`);
    expect(counters.total_annotations_number + counters.skipped_annotations_number).toBe(
      CLIENTS * PER_CLIENT,
    );
    expect(counters.skipped_annotations_number).toBe((CLIENTS * PER_CLIENT) / 5);
    expect(counters.finished_task_number).toBe(TASKS);
  }, 120_000);
});
