import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { AnnotationsHttpModule } from '@ls/annotations';
import { createAccount, createAuthTestApp, TestAccount } from '@ls/auth/testing';
import { AppConfig } from '@ls/core';
import { TestApp } from '@ls/core/testing';
import { DataManagerHttpModule } from '@ls/data-manager';
import { ProjectsHttpModule } from '@ls/projects';
import { StoragesHttpModule } from '@ls/storages';
import { TasksHttpModule } from '@ls/tasks';
import { WORKED_CONFIG } from './worked-example';

const box = (label: string) => ({
  from_name: 'label',
  to_name: 'image',
  type: 'rectanglelabels',
  original_width: 800,
  original_height: 600,
  value: { x: 10, y: 20, width: 30, height: 40, rotation: 0, rectanglelabels: [label] },
});

/** Export snapshots: recorded by the API, written and converted by jobs (in-process here). */
describe('export snapshots (int)', () => {
  let testApp: TestApp;
  let owner: TestAccount;
  let stranger: TestAccount;
  let dataSource: DataSource;
  let project: number;

  const http = () => testApp.http();
  const exportsOf = (id = project) => `/api/projects/${id}/exports/`;
  const settled = async (path: string, done: (body: Record<string, unknown>) => boolean) => {
    for (let attempt = 0; attempt < 100; attempt += 1) {
      const response = await http().get(path).set(owner.headers).expect(200);
      if (done(response.body)) return response.body;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`${path} did not settle`);
  };
  const final = (body: Record<string, unknown>) =>
    body.status === 'completed' || body.status === 'failed';

  beforeAll(async () => {
    testApp = await createAuthTestApp({
      imports: [
        ProjectsHttpModule,
        TasksHttpModule,
        AnnotationsHttpModule,
        DataManagerHttpModule,
        StoragesHttpModule,
      ],
    });
    owner = await createAccount(testApp.app);
    stranger = await createAccount(testApp.app);
    dataSource = testApp.app.get(DataSource);
    project = (
      await http()
        .post('/api/projects/')
        .set(owner.headers)
        .send({ title: 'My export project', label_config: WORKED_CONFIG })
        .expect(201)
    ).body.id;
    await http()
      .post(`/api/projects/${project}/import`)
      .set(owner.headers)
      .send([
        // Imported annotations are ground truth unless they say otherwise (as Label Studio).
        {
          data: { image: '/data/upload/1/a.jpg' },
          annotations: [{ result: [box('Car')], ground_truth: false }],
        },
        {
          data: { image: '/data/upload/1/b.jpg' },
          annotations: [{ result: [box('Person')], ground_truth: true }],
        },
        {
          data: { image: '/data/upload/1/c.jpg' },
          predictions: [{ result: [box('Car')], score: 0.5, model_version: 'v1' }],
        },
      ])
      .expect(201);
  });

  afterAll(() => testApp.close());

  it('creates a snapshot, writes it in a job and serves its JSON', async () => {
    const created = await http().post(exportsOf()).set(owner.headers).send({}).expect(201);
    expect(created.body).toMatchObject({
      title: expect.stringMatching(/^My-export-project-at-\d{4}-\d{2}-\d{2}-\d{2}-\d{2}$/),
      created_by: { id: owner.userId },
      annotation_filter_options: { usual: true },
      serialization_options: { drafts: { only_id: true } },
    });
    const done = await settled(`${exportsOf()}${created.body.id}`, final);
    expect(done).toMatchObject({
      status: 'completed',
      md5: expect.stringMatching(/^[0-9a-f]{32}$/),
      counters: { task_number: 3, annotation_number: 1, prediction_number: 1 },
      converted_formats: [],
    });
    expect(done.finished_at).toEqual(expect.any(String));
    const file = await http()
      .get(`${exportsOf()}${created.body.id}/download`)
      .query({ exportType: 'JSON' })
      .set(owner.headers)
      .expect(200);
    expect(file.headers['filename']).toMatch(/^project-\d+-at-.*\.json$/);
    const tasks = JSON.parse(file.text);
    expect(tasks).toHaveLength(3);
    // The default annotation filter keeps the usual ones: the ground truth one is left out.
    expect(tasks.map((task: { annotations: unknown[] }) => task.annotations.length)).toEqual([
      1, 0, 0,
    ]);
    // Predictions and drafts are ids unless asked in full.
    expect(tasks[2].predictions).toEqual([expect.any(Number)]);
    const listed = await http().get(exportsOf()).set(owner.headers).expect(200);
    expect(listed.body.map((one: { id: number }) => one.id)).toContain(created.body.id);
  });

  it('applies the task and annotation options', async () => {
    const created = await http()
      .post(exportsOf())
      .set(owner.headers)
      .send({
        task_filter_options: { only_with_annotations: true },
        annotation_filter_options: { usual: false, ground_truth: true },
        serialization_options: { annotations__completed_by: { only_id: false } },
      })
      .expect(201);
    await settled(`${exportsOf()}${created.body.id}`, final);
    const tasks = JSON.parse(
      (await http().get(`${exportsOf()}${created.body.id}/download`).set(owner.headers).expect(200))
        .text,
    );
    expect(tasks).toHaveLength(2);
    const withPrediction = await http()
      .post(exportsOf())
      .set(owner.headers)
      .send({ serialization_options: { predictions: { only_id: false } } })
      .expect(201);
    await settled(`${exportsOf()}${withPrediction.body.id}`, final);
    const all = JSON.parse(
      (
        await http()
          .get(`${exportsOf()}${withPrediction.body.id}/download`)
          .set(owner.headers)
          .expect(200)
      ).text,
    );
    expect(all[2].predictions).toEqual([
      expect.objectContaining({ model_version: 'v1', score: 0.5, result: [box('Car')] }),
    ]);
    expect(tasks[1].annotations[0]).toMatchObject({
      ground_truth: true,
      completed_by: { id: owner.userId, email: expect.any(String) },
    });
    expect(tasks[0].annotations).toEqual([]);
  });

  it('converts a snapshot to CSV, refuses a second conversion and an unsupported format', async () => {
    const created = await http().post(exportsOf()).set(owner.headers).send({}).expect(201);
    const id = created.body.id;
    await settled(`${exportsOf()}${id}`, final);
    const notYet = await http()
      .get(`${exportsOf()}${id}/download`)
      .query({ exportType: 'CSV' })
      .set(owner.headers)
      .expect(404);
    expect(notYet.text).toBe('CSV format is not converted yet');
    const converting = await http()
      .post(`${exportsOf()}${id}/convert`)
      .set(owner.headers)
      .send({ export_type: 'CSV' })
      .expect(200);
    expect(converting.body).toEqual({ export_type: 'CSV', converted_format: expect.any(Number) });
    const again = await http()
      .post(`${exportsOf()}${id}/convert`)
      .set(owner.headers)
      .send({ export_type: 'CSV' })
      .expect(400);
    expect(JSON.stringify(again.body)).toContain('Conversion to CSV already started');
    const refused = await http()
      .post(`${exportsOf()}${id}/convert`)
      .set(owner.headers)
      .send({ export_type: 'CONLL2003' })
      .expect(400);
    expect(JSON.stringify(refused.body)).toContain('CONLL2003 is not supported export format');
    const done = await settled(`${exportsOf()}${id}`, (body) =>
      (body.converted_formats as { status: string }[]).every((c) => c.status === 'completed'),
    );
    expect(done.converted_formats).toEqual([
      {
        id: converting.body.converted_format,
        status: 'completed',
        export_type: 'CSV',
        traceback: null,
      },
    ]);
    const csv = await http()
      .get(`${exportsOf()}${id}/download`)
      .query({ exportType: 'CSV' })
      .set(owner.headers)
      .expect(200);
    expect(csv.headers['filename']).toMatch(/^project-\d+-at-.*\.csv$/);
    expect(csv.text.split('\r\n')[0]).toContain('"annotation_id"');
  });

  it('deletes a snapshot with its files', async () => {
    const created = await http().post(exportsOf()).set(owner.headers).send({}).expect(201);
    const id = created.body.id;
    await settled(`${exportsOf()}${id}`, final);
    await http()
      .post(`${exportsOf()}${id}/convert`)
      .set(owner.headers)
      .send({ export_type: 'JSON_MIN' })
      .expect(200);
    await settled(`${exportsOf()}${id}`, (body) =>
      (body.converted_formats as { status: string }[]).every((c) => c.status === 'completed'),
    );
    const rows = await dataSource.query(
      `SELECT file FROM export_snapshot WHERE id = ${dataSource.options.type === 'postgres' ? '$1' : '?'}`,
      [id],
    );
    const dataDir = testApp.app.get(AppConfig).DATA_DIR;
    const path = join(dataDir, rows[0].file);
    expect(existsSync(path)).toBe(true);
    await http().delete(`${exportsOf()}${id}`).set(owner.headers).expect(204);
    expect(existsSync(path)).toBe(false);
    await http().get(`${exportsOf()}${id}`).set(owner.headers).expect(404);
  });

  it("keeps another organization's snapshots out of reach", async () => {
    const created = await http().post(exportsOf()).set(owner.headers).send({}).expect(201);
    const id = created.body.id;
    await http().get(exportsOf()).set(stranger.headers).expect(404);
    await http().get(`${exportsOf()}${id}`).set(stranger.headers).expect(404);
    await http().get(`${exportsOf()}${id}/download`).set(stranger.headers).expect(404);
    await http().delete(`${exportsOf()}${id}`).set(stranger.headers).expect(404);
    await http().post(exportsOf()).set(stranger.headers).send({}).expect(404);
    await http()
      .post(exportsOf())
      .set(owner.headers)
      .send({ task_filter_options: { skipped: 'maybe' } })
      .expect(400);
  });
});
