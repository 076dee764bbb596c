import { describeScaled, ScaledDeployment, until } from '@ls/core/testing';

const CONFIG = `<View><Text name="text" value="$text"/>
  <Choices name="label" toName="text"><Choice value="A"/></Choices></View>`;
const RESULT = [
  { from_name: 'label', to_name: 'text', type: 'choices', value: { choices: ['A'] } },
];
const TASKS = 20_000;

/**
 * A data manager action above ACTION_JOB_THRESHOLD_TASKS in scaled mode runs on a worker; a worker
 * killed in the middle of it leaves what it committed, and the retried job finishes the rest
 * without doing anything twice. Needs PostgreSQL, Redis and a build.
 */
describeScaled('data manager action jobs on the worker (e2e, scaled mode)', () => {
  let deployment: ScaledDeployment;

  const call = (method: string, path: string, body?: unknown) =>
    deployment.call(method, path, body);
  const startWorker = () => deployment.startWorker();

  const annotations = async (projectId: number) => {
    const { rows } = await deployment.sql.query(
      `SELECT COUNT(*)::int AS count, COUNT(DISTINCT parent_prediction_id)::int AS predictions,
              (SELECT COALESCE(SUM(total_annotations), 0)::int FROM task WHERE project_id = $1)
                AS counted
       FROM annotation WHERE project_id = $1`,
      [projectId],
    );
    return rows[0] as { count: number; predictions: number; counted: number };
  };

  beforeAll(async () => {
    deployment = await ScaledDeployment.start('actions', { ACTION_JOB_THRESHOLD_TASKS: '100' });
  }, 60_000);

  afterEach(() => deployment.killWorkers());

  afterAll(() => deployment?.close());

  it('predictions to annotations: a worker killed mid-way, the retried job makes each one once', async () => {
    const created = await call('POST', '/api/projects/', {
      title: 'Actions',
      label_config: CONFIG,
    });
    expect(created.status).toBe(201);
    const projectId = created.body.id as number;
    const tasks = Array.from({ length: TASKS }, (_, n) => ({
      data: { text: `task ${n}` },
      predictions: [{ result: RESULT, model_version: 'v1', score: 0.5 }],
    }));
    // Below the import job threshold's default: imported within the request.
    const imported = await call('POST', `/api/projects/${projectId}/import`, tasks);
    expect(imported.status).toBe(201);
    expect(imported.body.prediction_count).toBe(TASKS);

    const queued = await call(
      'POST',
      `/api/dm/actions/?id=predictions_to_annotations&project=${projectId}`,
      {
        model_version: 'v1',
      },
    );
    expect(queued.status).toBe(200);
    expect(queued.body).toMatchObject({ processed_items: TASKS, async: true });
    // No worker yet: nothing is written.
    expect((await annotations(projectId)).count).toBe(0);

    const doomed = await startWorker();
    const partial = await until(
      () => annotations(projectId),
      (state) => state.count > 0,
      60_000,
    );
    doomed.child.kill('SIGKILL');
    await doomed.exited;
    const afterKill = await annotations(projectId);
    expect(afterKill.count).toBeGreaterThanOrEqual(partial.count);
    expect(afterKill.count).toBeLessThan(TASKS);
    // What was committed is whole: annotations and the tasks' counters agree.
    expect(afterKill.counted).toBe(afterKill.count);

    await startWorker();
    const done = await until(
      () => annotations(projectId),
      (state) => state.count >= TASKS,
      120_000,
    );
    expect(done).toEqual({ count: TASKS, predictions: TASKS, counted: TASKS });
    // The job is over: nothing more is written.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await annotations(projectId)).toEqual(done);
  }, 240_000);
});
