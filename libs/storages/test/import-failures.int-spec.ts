import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AnnotationsHttpModule } from '@ls/annotations';
import { createAccount, createAuthTestApp, TestAccount } from '@ls/auth/testing';
import { dialectOfDataSource } from '@ls/core';
import { TestApp } from '@ls/core/testing';
import { ProjectsHttpModule } from '@ls/projects';
import { StoragesHttpModule } from '@ls/storages';
import { TasksHttpModule } from '@ls/tasks';

const CONFIG = `<View><Text name="text" value="$text"/>
  <Choices name="sentiment" toName="text"><Choice value="Positive"/><Choice value="Negative"/></Choices></View>`;
const SECRET = 'internal-detail-5c1e';
const GENERIC = /^Import failed; see the server log \(error id [0-9a-f-]{36}\)$/;

/** A database error of our own making: every prediction insert fails with SECRET. */
async function failPredictionInserts(dataSource: DataSource): Promise<void> {
  if (dialectOfDataSource(dataSource) === 'postgres') {
    await dataSource.query(
      `CREATE FUNCTION fail_prediction() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN RAISE EXCEPTION '${SECRET}'; END $$`,
    );
    await dataSource.query(
      'CREATE TRIGGER fail_prediction BEFORE INSERT ON prediction FOR EACH ROW EXECUTE FUNCTION fail_prediction()',
    );
  } else {
    await dataSource.query(
      `CREATE TRIGGER fail_prediction BEFORE INSERT ON prediction BEGIN SELECT RAISE(ABORT, '${SECRET}'); END`,
    );
  }
}

/**
 * Import and reimport records show our own 4xx messages, and for anything else a generic
 * message pointing at the server log, where the detail goes.
 */
describe('errors stored on import records (e2e)', () => {
  let testApp: TestApp;
  let owner: TestAccount;
  let dataSource: DataSource;
  let logged: jest.SpyInstance;

  beforeAll(async () => {
    testApp = await createAuthTestApp({
      imports: [ProjectsHttpModule, TasksHttpModule, AnnotationsHttpModule, StoragesHttpModule],
      env: { IMPORT_JOB_THRESHOLD_BYTES: 200 },
    });
    owner = await createAccount(testApp.app);
    dataSource = testApp.app.get(DataSource);
    await failPredictionInserts(dataSource);
    logged = jest.spyOn(Logger.prototype, 'error');
  });

  afterAll(async () => {
    logged.mockRestore();
    await testApp.close();
  });

  const http = () => testApp.http();
  const project = async () =>
    (
      await http()
        .post('/api/projects/')
        .set(owner.headers)
        .send({ title: 'Failing', label_config: CONFIG })
        .expect(201)
    ).body.id as number;
  const finished = async (projectId: number, importId: number) => {
    for (let tries = 0; tries < 200; tries += 1) {
      const { body } = await http()
        .get(`/api/projects/${projectId}/imports/${importId}/`)
        .set(owner.headers)
        .expect(200);
      if (body.status === 'completed' || body.status === 'failed') return body;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`import ${importId} did not finish`);
  };
  const withPrediction = (text: string) => ({
    data: { text },
    predictions: [{ result: [], model_version: 'v1' }],
  });
  const loggedText = () =>
    JSON.stringify(logged.mock.calls, (_, value) =>
      value instanceof Error ? `${value.message}` : value,
    );

  it('a database error fails the import with a generic message; the detail goes to the log', async () => {
    const id = await project();
    logged.mockClear();
    const queued = await http()
      .post(`/api/projects/${id}/import`)
      .set(owner.headers)
      .send(Array.from({ length: 10 }, (_, i) => withPrediction(`task number ${i}`)))
      .expect(201);
    const record = await finished(id, queued.body.import);
    expect(record.status).toBe('failed');
    expect(record.error).toMatch(GENERIC);
    expect(record.error).not.toContain(SECRET);
    expect(loggedText()).toContain(SECRET);
    expect(loggedText()).toContain(record.error.match(/error id ([0-9a-f-]+)/)[1]);
    const tasks = await dataSource.query(`SELECT COUNT(*) AS n FROM task WHERE project_id = ${id}`);
    expect(Number(tasks[0].n)).toBe(0);
  });

  it('our own 400 is stored as it was answered', async () => {
    const id = await project();
    const queued = await http()
      .post(`/api/projects/${id}/import`)
      .set(owner.headers)
      .send(Array.from({ length: 10 }, (_, i) => ({ title: `no text ${i}` })))
      .expect(201);
    const record = await finished(id, queued.body.import);
    expect(record.status).toBe('failed');
    expect(record.error).toContain('[0].data');
  });

  it('a reimport that hits a database error stores the generic message too', async () => {
    const id = await project();
    const uploaded = await http()
      .post(`/api/projects/${id}/import?commit_to_project=false`)
      .set(owner.headers)
      .attach('file', Buffer.from(JSON.stringify([withPrediction('a')])), 'tasks.json')
      .expect(201);
    const [uploadId] = uploaded.body.file_upload_ids;
    logged.mockClear();
    await http()
      .post(`/api/projects/${id}/reimport`)
      .set(owner.headers)
      .send({ file_upload_ids: [uploadId] })
      .expect(500);
    const [row] = await dataSource.query(
      `SELECT id FROM project_reimport WHERE project_id = ${id} ORDER BY id DESC`,
    );
    const record = (
      await http().get(`/api/projects/${id}/reimports/${row.id}/`).set(owner.headers).expect(200)
    ).body;
    expect(record.status).toBe('failed');
    expect(record.error).toMatch(GENERIC);
    expect(loggedText()).toContain(SECRET);
  });
});
