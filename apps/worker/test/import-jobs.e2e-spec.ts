import { contractFetch, expectContract } from '@ls/core/testing';
import { describeScaled, ScaledDeployment } from '@ls/core/testing';

const CONFIG = '<View><Text name="text" value="$text"/></View>';
const TERMINAL = ['completed', 'failed'];

/** A CSV of `rows` tasks with about 200 bytes of text each. */
const csvOf = (rows: number): Buffer => {
  const text = 'lorem ipsum dolor sit amet '.repeat(7);
  const lines = ['text,n'];
  for (let i = 0; i < rows; i += 1) lines.push(`"${text}${i}",${i}`);
  return Buffer.from(lines.join('\n'));
};

/**
 * Imports above IMPORT_JOB_THRESHOLD_BYTES in scaled mode: the API process answers with the
 * import id at once, a worker process runs it. Needs PostgreSQL, Redis and a build.
 */
describeScaled('import jobs on the worker (e2e, scaled mode)', () => {
  let deployment: ScaledDeployment;

  const call = (method: string, path: string, body?: unknown) =>
    deployment.call(method, path, body);
  const startWorker = () => deployment.startWorker();

  const uploadCsv = async (projectId: number, csv: Buffer, name = 'tasks.csv') => {
    const form = new FormData();
    form.append('file', new Blob([csv]), name);
    const { response, body } = await contractFetch(
      `${deployment.base}/api/projects/${projectId}/import`,
      {
        method: 'POST',
        headers: { Authorization: `Token ${deployment.token}` },
        body: form,
      },
    );
    return { status: response.status, body: body as { import: number } };
  };

  const newProject = async () => {
    const created = await call('POST', '/api/projects/', { title: 'Jobs', label_config: CONFIG });
    expect(created.status).toBe(201);
    return created.body.id as number;
  };

  const importStatus = async (projectId: number, importId: number) =>
    (await call('GET', `/api/projects/${projectId}/imports/${importId}/`)).body;

  const waitForStatus = async (
    projectId: number,
    importId: number,
    accept: (status: string) => boolean,
    timeoutMs = 60_000,
  ) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const record = await importStatus(projectId, importId);
      if (accept(record.status)) return record;
      if (Date.now() > deadline) throw new Error(`import ${importId} stuck in ${record.status}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  };

  const taskStats = async (projectId: number) => {
    const { rows } = await deployment.sql.query(
      `SELECT COUNT(*)::int AS count, COUNT(DISTINCT inner_id)::int AS distinct_inner,
              COALESCE(MAX(inner_id), 0)::int AS max_inner
       FROM task WHERE project_id = $1`,
      [projectId],
    );
    return rows[0] as { count: number; distinct_inner: number; max_inner: number };
  };

  beforeAll(async () => {
    deployment = await ScaledDeployment.start('importer', { IMPORT_JOB_THRESHOLD_BYTES: '1024' });
  }, 60_000);

  afterEach(() => deployment.killWorkers());

  afterAll(() => deployment?.close());

  it('the API answers with the import id at once; the worker completes it with the right counts', async () => {
    const projectId = await newProject();
    const body = Array.from({ length: 300 }, (_, i) => ({ text: `body task ${i}` }));
    const queued = await call(
      'POST',
      `/api/projects/${projectId}/import?return_task_ids=true`,
      body,
    );
    expect(queued.status).toBe(201);
    expect(Object.keys(queued.body)).toEqual(['import']);
    // No worker yet: the import waits, nothing is written.
    const waiting = await importStatus(projectId, queued.body.import);
    expectContract('ProjectImport', waiting);
    expect(waiting.status).toBe('created');
    expect((await taskStats(projectId)).count).toBe(0);

    const worker = await startWorker();
    const done = await waitForStatus(projectId, queued.body.import, (s) => TERMINAL.includes(s));
    expect(done).toMatchObject({ status: 'completed', task_count: 300, error: null });
    expect(done.task_ids).toHaveLength(300);
    expect(await taskStats(projectId)).toEqual({ count: 300, distinct_inner: 300, max_inner: 300 });
    expect(worker.log).toContain('imports.run');

    const csv = await uploadCsv(projectId, csvOf(50));
    expect(csv.status).toBe(201);
    const csvDone = await waitForStatus(projectId, csv.body.import, (s) => TERMINAL.includes(s));
    expect(csvDone).toMatchObject({
      status: 'completed',
      task_count: 50,
      found_formats: { '.csv': 1 },
    });
    expect(await taskStats(projectId)).toEqual({ count: 350, distinct_inner: 350, max_inner: 350 });
  });

  it('a bad file ends the import failed with the error, writing nothing', async () => {
    const projectId = await newProject();
    await startWorker();
    const lines = ['title', ...Array.from({ length: 100 }, (_, i) => `no text column ${i}`)];
    const queued = await uploadCsv(projectId, Buffer.from(lines.join('\n')));
    expect(queued.status).toBe(201);
    const failed = await waitForStatus(projectId, queued.body.import, (s) => TERMINAL.includes(s));
    expect(failed.status).toBe('failed');
    expect(failed.error).toContain('"text" key is expected');
    expect((await taskStats(projectId)).count).toBe(0);
  });

  it('killing the worker mid-import leaves no task; the retried job imports each task once', async () => {
    const projectId = await newProject();
    const rows = 400_000;
    const doomed = await startWorker();
    const queued = await uploadCsv(projectId, csvOf(rows));
    expect(queued.status).toBe(201);
    await waitForStatus(projectId, queued.body.import, (s) => s !== 'created');
    // Let it write some batches inside its transaction, then kill it.
    await new Promise((resolve) => setTimeout(resolve, 700));
    const before = await importStatus(projectId, queued.body.import);
    expect(before.status).toBe('in_progress');
    doomed.child.kill('SIGKILL');
    await doomed.exited;
    expect((await taskStats(projectId)).count).toBe(0);

    await startWorker();
    const done = await waitForStatus(
      projectId,
      queued.body.import,
      (s) => TERMINAL.includes(s),
      120_000,
    );
    expect(done).toMatchObject({ status: 'completed', task_count: rows });
    expect(await taskStats(projectId)).toEqual({
      count: rows,
      distinct_inner: rows,
      max_inner: rows,
    });
  }, 180_000);
});
