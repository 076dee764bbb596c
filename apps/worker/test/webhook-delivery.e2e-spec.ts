import { eventually, Receiver } from '@ls/webhooks/testing';
import { describeScaled, ScaledDeployment } from '@ls/core/testing';

const CONFIG = `<View><Text name="text" value="$text"/>
  <Choices name="label" toName="text"><Choice value="A"/></Choices></View>`;
const RESULT = [
  { from_name: 'label', to_name: 'text', type: 'choices', value: { choices: ['A'] } },
];

/**
 * Webhook events in scaled mode: the API only records them (in the transaction of the change);
 * workers relay and send them. No worker, a worker killed while a receiver holds a request: every
 * event arrives, and a repeat always carries the delivery id of the first try. Needs PostgreSQL,
 * Redis and a build.
 */
describeScaled('webhook delivery on the worker (e2e, scaled mode)', () => {
  let deployment: ScaledDeployment;
  const receiver = new Receiver();

  const call = (method: string, path: string, body?: unknown) =>
    deployment.call(method, path, body);
  const newProject = async () => {
    const project = await call('POST', '/api/projects/', { title: 'Hooks', label_config: CONFIG });
    expect(project.status).toBe(201);
    return project.body.id as number;
  };
  const subscribe = async (project: number, path: string) => {
    const hook = await call('POST', '/api/webhooks/', { url: receiver.url(path), project });
    expect(hook.status).toBe(201);
  };
  const newTask = async (project: number, text: string) => {
    const task = await call('POST', '/api/tasks/', { project, data: { text } });
    expect(task.status).toBe(201);
    return task.body.id as number;
  };
  /** Delivery ids seen at `path`, each with the bodies it carried (a repeat must carry the same). */
  const deliveries = (path: string) => {
    const byId = new Map<string, Set<string>>();
    for (const request of receiver.received(undefined, path)) {
      const id = String(request.headers['x-label-studio-delivery']);
      byId.set(id, (byId.get(id) ?? new Set()).add(request.raw));
    }
    return byId;
  };

  beforeAll(async () => {
    await receiver.start();
    deployment = await ScaledDeployment.start('webhooks', {
      SSRF_ALLOWED_NETWORKS: '127.0.0.1/32',
      WEBHOOK_TIMEOUT_MS: '1500',
      WEBHOOK_RETRY_BASE_MS: '200',
      OUTBOX_POLL_MS: '200',
    });
  }, 120_000);

  afterEach(() => deployment.killWorkers());

  afterAll(async () => {
    await deployment?.close();
    await receiver.stop();
  });

  it('events committed while no worker runs are all delivered once one starts', async () => {
    const project = await newProject();
    await subscribe(project, '/later');
    for (let n = 0; n < 20; n++) {
      const task = await newTask(project, `task ${n}`);
      const annotation = await call('POST', `/api/tasks/${task}/annotations/`, { result: RESULT });
      expect(annotation.status).toBe(201);
    }
    const { rows } = await deployment.sql.query('SELECT COUNT(*)::int AS n FROM outbox_event');
    // The project's creation, 20 tasks' and 20 annotations' (the webhook, made after the
    // project, gets the last 40).
    expect(rows[0].n).toBe(41);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(receiver.received(undefined, '/later')).toHaveLength(0);

    await deployment.startWorker();
    await eventually(() => expect(receiver.received(undefined, '/later')).toHaveLength(40), 30_000);
    const actions = receiver.received(undefined, '/later').map((r) => r.body.action);
    expect(actions.filter((a) => a === 'TASKS_CREATED')).toHaveLength(20);
    expect(actions.filter((a) => a === 'ANNOTATION_CREATED')).toHaveLength(20);
    // In commit order: each task's creation before its annotation.
    expect(actions.slice(0, 2)).toEqual(['TASKS_CREATED', 'ANNOTATION_CREATED']);
    expect(deliveries('/later').size).toBe(40);
    const left = await deployment.sql.query('SELECT COUNT(*)::int AS n FROM outbox_event');
    expect(left.rows[0].n).toBe(0);
  }, 90_000);

  it('a worker killed while a delivery is in flight: a new worker sends every event, repeats keep their delivery id', async () => {
    const project = await newProject();
    await subscribe(project, '/held');
    receiver.holdMs = 3000;
    const worker = await deployment.startWorker();
    for (let n = 0; n < 10; n++) await newTask(project, `held ${n}`);
    await eventually(() => expect(receiver.received(undefined, '/held').length).toBeGreaterThan(0));
    await worker.stop('SIGKILL');
    receiver.holdMs = 0;
    await deployment.startWorker();
    await eventually(() => expect(deliveries('/held').size).toBe(10), 45_000);
    // The request in flight when its worker died was sent again, under the same delivery id.
    expect(receiver.received(undefined, '/held').length).toBeGreaterThan(10);
    for (const bodies of deliveries('/held').values()) expect(bodies.size).toBe(1);
    const texts = receiver
      .received('TASKS_CREATED', '/held')
      .map((r) => (r.body.tasks as { data: { text: string } }[])[0].data.text);
    expect(new Set(texts).size).toBe(10);
    // The receiver has the last body before the worker records its answer: wait for the record.
    await eventually(async () => {
      const { rows } = await deployment.sql.query(
        `SELECT status, COUNT(*)::int AS n FROM webhook_delivery d JOIN webhook w ON w.id = d.webhook_id
          WHERE w.project_id = $1 GROUP BY status`,
        [project],
      );
      expect(rows).toEqual([{ status: 'delivered', n: 10 }]);
    }, 10_000);
  }, 90_000);
});
