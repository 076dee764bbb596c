import { existsSync, readFileSync } from 'node:fs';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { AnnotationsHttpModule } from '@ls/annotations';
import { createAccount, createAuthTestApp, TestAccount } from '@ls/auth/testing';
import { expectContract, expectOperationResponse, TestApp } from '@ls/core/testing';
import { ProjectsHttpModule } from '@ls/projects';
import { StoragesHttpModule } from '@ls/storages';
import { TasksHttpModule } from '@ls/tasks';

const TEXT_CONFIG = `<View><Text name="text" value="$text"/>
  <Choices name="sentiment" toName="text"><Choice value="Positive"/><Choice value="Negative"/></Choices></View>`;
const IMAGE_CONFIG = `<View><Image name="image" value="$image"/>
  <Choices name="quality" toName="image"><Choice value="good"/><Choice value="bad"/></Choices></View>`;
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const MODULES = [ProjectsHttpModule, TasksHttpModule, AnnotationsHttpModule, StoragesHttpModule];

interface StoredTask {
  id: number;
  inner_id: number;
  data: Record<string, unknown>;
  file_upload_id: number | null;
}

/** Imports of files, URLs and form bodies, on SQLite and PostgreSQL. */
describe('import of files and URLs (e2e)', () => {
  let testApp: TestApp;
  let owner: TestAccount;
  let stranger: TestAccount;
  let dataSource: DataSource;
  let remote: Server;
  let remoteBase: string;

  beforeAll(async () => {
    testApp = await createAuthTestApp({
      imports: MODULES,
      // The test's file server listens on 127.0.0.1: that one address may be fetched.
      env: { SSRF_ALLOWED_NETWORKS: '127.0.0.1/32' },
    });
    owner = await createAccount(testApp.app);
    stranger = await createAccount(testApp.app);
    dataSource = testApp.app.get(DataSource);
    remote = createServer((request, response) => {
      if (request.url === '/tasks.csv') {
        response.writeHead(200, { 'content-type': 'text/csv' });
        response.end('text,score\nfrom the web,1\nand more,2\n');
      } else if (request.url?.startsWith('/redirect-to-loopback')) {
        const port = request.url.split('=')[1];
        response.writeHead(302, { location: `http://127.0.0.2:${port}/tasks.csv` });
        response.end();
      } else if (request.url === '/redirect-ok') {
        response.writeHead(302, { location: '/tasks.csv' });
        response.end();
      } else {
        response.writeHead(404);
        response.end();
      }
    });
    await new Promise<void>((resolve) => remote.listen(0, '127.0.0.1', resolve));
    remoteBase = `http://127.0.0.1:${(remote.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => remote.close(resolve));
    await testApp.close();
  });

  const http = () => testApp.http();
  const project = async (config = TEXT_CONFIG, account = owner) =>
    (
      await http()
        .post('/api/projects/')
        .set(account.headers)
        .send({ title: 'Imported files', label_config: config })
        .expect(201)
    ).body.id as number;
  const upload = (id: number, files: Record<string, string | Buffer>, query = '') => {
    const request = http().post(`/api/projects/${id}/import${query}`).set(owner.headers);
    for (const [name, content] of Object.entries(files)) {
      request.attach('file', Buffer.isBuffer(content) ? content : Buffer.from(content), name);
    }
    return request;
  };
  const storedTasks = async (id: number): Promise<StoredTask[]> =>
    (
      await dataSource.query(
        `SELECT id, inner_id, data, file_upload_id FROM task WHERE project_id = ${id} ORDER BY inner_id`,
      )
    ).map((row: Record<string, unknown>) => ({
      id: Number(row.id),
      inner_id: Number(row.inner_id),
      data: typeof row.data === 'string' ? JSON.parse(row.data) : row.data,
      file_upload_id: row.file_upload_id === null ? null : Number(row.file_upload_id),
    }));
  const uploadRows = async (id: number) =>
    (
      await dataSource.query(
        `SELECT id, file, size FROM file_upload WHERE project_id = ${id} ORDER BY id`,
      )
    ).map((row: Record<string, unknown>) => ({
      ...row,
      id: Number(row.id),
      size: Number(row.size),
    }));
  const importResponse = (body: unknown) =>
    expectOperationResponse('api_projects_import_create', 201, body);

  it('imports .json, .jsonl, .csv, .tsv and .txt files in one request, tasks in file order', async () => {
    const id = await project();
    const response = await upload(
      id,
      {
        'a.json': JSON.stringify([{ data: { text: 'json 1' } }, { text: 'json 2' }]),
        'b.jsonl': '{"text": "jsonl 1"}\n{"data": {"text": "jsonl 2"}}\n',
        'c.csv': 'text,score\n"csv, quoted",1.5\ncsv plain,2\n',
        'd.tsv': 'text\tscore\ntsv 1\t3\n',
        'e.txt': 'line one\r\nline two\n',
      },
      '?return_task_ids=true',
    ).expect(201);
    importResponse(response.body);
    expect(response.body).toMatchObject({
      task_count: 9,
      annotation_count: 0,
      could_be_tasks_list: true,
    });
    expect(response.body.found_formats.sort()).toEqual(['.csv', '.json', '.jsonl', '.tsv', '.txt']);
    expect(response.body.data_columns.sort()).toEqual(['score', 'text']);
    expect(response.body.file_upload_ids).toHaveLength(5);
    const tasks = await storedTasks(id);
    expect(tasks.map((task) => task.data)).toEqual([
      { text: 'json 1' },
      { text: 'json 2' },
      { text: 'jsonl 1' },
      { text: 'jsonl 2' },
      { text: 'csv, quoted', score: 1.5 },
      { text: 'csv plain', score: 2 },
      { text: 'tsv 1', score: 3 },
      { text: 'line one' },
      { text: 'line two' },
    ]);
    expect(tasks.map((task) => task.inner_id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(response.body.task_ids).toEqual(tasks.map((task) => task.id));
    // Each task remembers the file it came from; every file is an upload row on disk.
    const uploads = await uploadRows(id);
    expect(uploads.map((row: { id: number }) => row.id)).toEqual(response.body.file_upload_ids);
    expect(
      tasks.map((task) => uploads.findIndex((u: { id: number }) => u.id === task.file_upload_id)),
    ).toEqual([0, 0, 1, 1, 2, 2, 3, 4, 4]);
    for (const row of uploads) {
      const path = join(testApp.config.DATA_DIR, row.file as string);
      expect(readFileSync(path).length).toBe(row.size);
    }
    const status = await http()
      .get(`/api/projects/${id}/imports/${response.body.import}/`)
      .set(owner.headers)
      .expect(200);
    expectContract('ProjectImport', status.body);
    expect(status.body).toMatchObject({
      status: 'completed',
      task_count: 9,
      found_formats: { '.csv': 1, '.json': 1, '.jsonl': 1, '.tsv': 1, '.txt': 1 },
      file_upload_ids: response.body.file_upload_ids,
    });
  });

  it('media files become one task each pointing at the served file, readable by members only', async () => {
    const id = await project(IMAGE_CONFIG);
    const response = await upload(id, { 'cat.png': PNG, 'dog.png': PNG }).expect(201);
    importResponse(response.body);
    expect(response.body).toMatchObject({ task_count: 2, could_be_tasks_list: false });
    const tasks = await storedTasks(id);
    expect(tasks).toHaveLength(2);
    const url = tasks[0].data.image as string;
    expect(url).toMatch(new RegExp(`^/data/upload/${id}/[0-9a-f]{8}-cat\\.png$`));
    const served = await http().get(url).set(owner.headers).expect(200);
    expect(served.headers['content-type']).toBe('image/png');
    expect(Buffer.compare(served.body as Buffer, PNG)).toBe(0);
    await http().get(url).set(stranger.headers).expect(404);
    await http().get(url).expect(401);
  });

  it('an HTML file is one task holding the page, never served as a page of the API', async () => {
    const id = await project(`<View><HyperText name="page" value="$page"/></View>`);
    const page = '<html><body><script>alert(document.cookie)</script>Hello</body></html>';
    const response = await upload(id, { 'page.html': page }).expect(201);
    expect(response.body.task_count).toBe(1);
    expect((await storedTasks(id))[0].data).toEqual({ page });
    const [row] = await uploadRows(id);
    const served = await http().get(`/data/${row.file}`).set(owner.headers).expect(200);
    expect(served.headers['content-type']).not.toMatch(/html/);
    expect(served.headers['x-content-type-options']).toBe('nosniff');
  });

  it('an invalid row in the middle of a CSV imports nothing; a bad file is a 400 naming it', async () => {
    const id = await project();
    const csv = ['title,score', 'a,1', 'b,2'].join('\n');
    const missing = await upload(id, { 'missing.csv': csv }).expect(400);
    expect(Object.keys(missing.body.validation_errors)).toEqual(['[0].data', '[1].data']);
    expect(missing.body.validation_errors['[0].data'][0]).toContain('"text" key is expected');
    const list = ['text', ...Array.from({ length: 5000 }, (_, i) => `row ${i}`)];
    const rows = [
      ...list.slice(0, 2500).map((text) => ({ text })),
      { title: 'no text' },
      ...list.slice(2500).map((text) => ({ text })),
    ];
    const middle = await upload(id, { 'rows.json': JSON.stringify(rows) }).expect(400);
    expect(Object.keys(middle.body.validation_errors)).toEqual(['[2500].data']);
    const broken = await upload(id, { 'broken.json': '[{"text": "a"},' }).expect(400);
    expect(JSON.stringify(broken.body)).toContain('broken.json');
    await upload(id, { 'tasks.exe': 'MZ' }).expect(400);
    expect(await storedTasks(id)).toEqual([]);
  });

  it('commit_to_project=false keeps the files, and reimport makes the tasks from them', async () => {
    const id = await project();
    const response = await upload(
      id,
      { 'later.csv': 'text\nfirst\nsecond\n' },
      '?commit_to_project=false',
    ).expect(201);
    expect(response.body).toMatchObject({ task_count: 2, could_be_tasks_list: true });
    expect(response.body.annotation_count).toBeNull();
    expect(await storedTasks(id)).toEqual([]);
    const reimport = await http()
      .post(`/api/projects/${id}/reimport`)
      .set(owner.headers)
      .send({ file_upload_ids: response.body.file_upload_ids, files_as_tasks_list: true })
      .expect(201);
    expect(reimport.body).toMatchObject({ task_count: 2 });
    expect((await storedTasks(id)).map((task) => task.data)).toEqual([
      { text: 'first' },
      { text: 'second' },
    ]);
    // Again, read as one file per task: the CSV's own tasks are replaced.
    const again = await http()
      .post(`/api/projects/${id}/reimport`)
      .set(owner.headers)
      .send({ file_upload_ids: response.body.file_upload_ids, files_as_tasks_list: false })
      .expect(201);
    const tasks = await storedTasks(id);
    expect(tasks).toHaveLength(1);
    expect(tasks[0].data.text).toMatch(new RegExp(`^/data/upload/${id}/[0-9a-f]{8}-later\\.csv$`));
    const status = await http()
      .get(`/api/projects/${id}/reimports/${again.body.reimport}/`)
      .set(owner.headers)
      .expect(200);
    expectContract('ProjectReimport', status.body);
    expect(status.body).toMatchObject({
      status: 'completed',
      task_count: 1,
      files_as_tasks_list: false,
      file_upload_ids: response.body.file_upload_ids,
    });
  });

  it('preannotated_from_fields turns data keys into predictions', async () => {
    const id = await project();
    const response = await upload(
      id,
      { 'labeled.csv': 'text,sentiment\ngreat,Positive\nawful,Negative\n' },
      '?preannotated_from_fields=sentiment',
    ).expect(201);
    expect(response.body).toMatchObject({ task_count: 2, prediction_count: 2 });
    const tasks = await storedTasks(id);
    expect(tasks.map((task) => task.data)).toEqual([{ text: 'great' }, { text: 'awful' }]);
    const predictions = await dataSource.query(
      `SELECT result, model_version, score FROM prediction WHERE project_id = ${id} ORDER BY id`,
    );
    expect(
      predictions.map((row: Record<string, unknown>) =>
        typeof row.result === 'string' ? JSON.parse(row.result) : row.result,
      ),
    ).toEqual([
      [
        {
          from_name: 'sentiment',
          to_name: 'text',
          type: 'choices',
          value: { choices: ['Positive'] },
        },
      ],
      [
        {
          from_name: 'sentiment',
          to_name: 'text',
          type: 'choices',
          value: { choices: ['Negative'] },
        },
      ],
    ]);
    expect(predictions.map((row: Record<string, unknown>) => row.model_version)).toEqual([
      'preannotated',
      'preannotated',
    ]);
    const counters = await dataSource.query(
      `SELECT total_predictions FROM task WHERE project_id = ${id} ORDER BY inner_id`,
    );
    expect(counters.map((row: Record<string, unknown>) => Number(row.total_predictions))).toEqual([
      1, 1,
    ]);
    const missing = await upload(
      id,
      { 'unlabeled.csv': 'text\nno label\n' },
      '?preannotated_from_fields=sentiment',
    ).expect(400);
    expect(JSON.stringify(missing.body)).toContain('sentiment');
  });

  it('imports a file from a URL (form body), following redirects, and keeps it as an upload', async () => {
    const id = await project();
    const response = await http()
      .post(`/api/projects/${id}/import`)
      .set(owner.headers)
      .type('form')
      .send({ url: `${remoteBase}/redirect-ok` })
      .expect(201);
    importResponse(response.body);
    expect(response.body).toMatchObject({ task_count: 2, found_formats: ['.csv'] });
    expect((await storedTasks(id)).map((task) => task.data)).toEqual([
      { text: 'from the web', score: 1 },
      { text: 'and more', score: 2 },
    ]);
    const [row] = await uploadRows(id);
    expect(row.file).toMatch(/-tasks\.csv$/);
    expect(existsSync(join(testApp.config.DATA_DIR, row.file as string))).toBe(true);
  });

  it('refuses URLs that reach internal addresses, directly, by redirect or by name', async () => {
    const port = (remote.address() as AddressInfo).port;
    const refused = async (app: TestApp, account: TestAccount, urls: string[]) => {
      const id = (
        await app
          .http()
          .post('/api/projects/')
          .set(account.headers)
          .send({ title: 'SSRF', label_config: TEXT_CONFIG })
          .expect(201)
      ).body.id as number;
      for (const url of urls) {
        const response = await app
          .http()
          .post(`/api/projects/${id}/import`)
          .set(account.headers)
          .type('form')
          .send({ url });
        expect({ url, status: response.status }).toEqual({ url, status: 400 });
        expect(JSON.stringify(response.body)).toMatch(/reserved network|Only http|resolve/);
      }
      const rows = await app.app
        .get(DataSource)
        .query(`SELECT COUNT(*) AS n FROM task WHERE project_id = ${id}`);
      expect(Number(rows[0].n)).toBe(0);
    };
    // Default settings: nothing internal is reachable, whatever its spelling.
    const strict = await createAuthTestApp({ imports: MODULES });
    try {
      await refused(strict, await createAccount(strict.app), [
        `http://127.0.0.1:${port}/tasks.csv`,
        `http://localhost:${port}/tasks.csv`,
        `http://10.0.0.1/tasks.csv`,
        `http://192.168.1.1/tasks.csv`,
        `http://169.254.169.254/latest/meta-data/`,
        `http://[::1]:${port}/tasks.csv`,
        `http://[::ffff:127.0.0.1]:${port}/tasks.csv`,
        `file:///etc/passwd`,
      ]);
    } finally {
      await strict.close();
    }
    // 127.0.0.1 allowed: a redirect from it to another loopback address is still refused.
    await refused(testApp, owner, [
      `http://127.0.0.2:${port}/tasks.csv`,
      `${remoteBase}/redirect-to-loopback?port=${port}`,
    ]);
  });

  it('an import above the job threshold answers with its id and completes as a job', async () => {
    const jobs = await createAuthTestApp({
      imports: MODULES,
      env: { IMPORT_JOB_THRESHOLD_BYTES: 1024 },
    });
    try {
      const account = await createAccount(jobs.app);
      const id = (
        await jobs
          .http()
          .post('/api/projects/')
          .set(account.headers)
          .send({ title: 'Queued', label_config: TEXT_CONFIG })
          .expect(201)
      ).body.id as number;
      const finished = async (importId: number) => {
        for (let tries = 0; tries < 200; tries += 1) {
          const { body } = await jobs
            .http()
            .get(`/api/projects/${id}/imports/${importId}/`)
            .set(account.headers)
            .expect(200);
          if (body.status === 'completed' || body.status === 'failed') return body;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        throw new Error(`import ${importId} did not finish`);
      };
      const tasks = Array.from({ length: 200 }, (_, i) => ({ text: `queued ${i}` }));
      const queued = await jobs
        .http()
        .post(`/api/projects/${id}/import?return_task_ids=true`)
        .set(account.headers)
        .send(tasks)
        .expect(201);
      expect(queued.body).toEqual({ import: expect.any(Number) });
      const done = await finished(queued.body.import);
      expectContract('ProjectImport', done);
      expect(done).toMatchObject({ status: 'completed', task_count: 200, error: null });
      const rows = await jobs.app
        .get(DataSource)
        .query(`SELECT id FROM task WHERE project_id = ${id} ORDER BY inner_id`);
      expect(done.task_ids).toEqual(rows.map((row: { id: unknown }) => Number(row.id)));

      const invalid = [...tasks.slice(0, 100), { title: 'no text' }, ...tasks.slice(100)];
      const bad = await jobs
        .http()
        .post(`/api/projects/${id}/import`)
        .set(account.headers)
        .send(invalid)
        .expect(201);
      const failed = await finished(bad.body.import);
      expect(failed.status).toBe('failed');
      expect(failed.error).toContain('[100].data');
      const count = await jobs.app
        .get(DataSource)
        .query(`SELECT COUNT(*) AS n FROM task WHERE project_id = ${id}`);
      expect(Number(count[0].n)).toBe(200);
    } finally {
      await jobs.close();
    }
  });

  it('another organization cannot import into the project', async () => {
    const id = await project();
    await http()
      .post(`/api/projects/${id}/import`)
      .set(stranger.headers)
      .attach('file', Buffer.from('text\nx\n'), 'x.csv')
      .expect(404);
    expect(await uploadRows(id)).toEqual([]);
  });
});
