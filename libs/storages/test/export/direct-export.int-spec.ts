import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { AnnotationsHttpModule } from '@ls/annotations';
import { createAccount, createAuthTestApp, TestAccount } from '@ls/auth/testing';
import { AppConfig } from '@ls/core';
import { TestApp } from '@ls/core/testing';
import { ProjectsHttpModule } from '@ls/projects';
import { StoragesHttpModule } from '@ls/storages';
import { TasksHttpModule } from '@ls/tasks';
import { WORKED_CONFIG } from './worked-example';

const box = (x: number, y: number, label: string, size: [number, number]) => ({
  id: `r-${label}`,
  from_name: 'label',
  to_name: 'image',
  type: 'rectanglelabels',
  original_width: size[0],
  original_height: size[1],
  value: { x, y, width: 30, height: 40, rotation: 0, rectanglelabels: [label] },
});
const quality = (choice: string) => ({
  id: `q-${choice}`,
  from_name: 'quality',
  to_name: 'image',
  type: 'choices',
  value: { choices: [choice] },
});

/** GET /api/projects/{id}/export and /export/formats over the API, on both databases. */
describe('direct export (int)', () => {
  let testApp: TestApp;
  let owner: TestAccount;
  let stranger: TestAccount;
  let project: number;
  let taskIds: number[];

  const http = () => testApp.http();
  const exported = (query: Record<string, string | number | boolean | string[]>, account = owner) =>
    http().get(`/api/projects/${project}/export`).query(query).set(account.headers);

  beforeAll(async () => {
    testApp = await createAuthTestApp({
      imports: [ProjectsHttpModule, TasksHttpModule, AnnotationsHttpModule, StoragesHttpModule],
    });
    owner = await createAccount(testApp.app);
    stranger = await createAccount(testApp.app);
    project = (
      await http()
        .post('/api/projects/')
        .set(owner.headers)
        .send({ title: 'Export', label_config: WORKED_CONFIG })
        .expect(201)
    ).body.id;
    const imported = await http()
      .post(`/api/projects/${project}/import`)
      .query({ return_task_ids: true })
      .set(owner.headers)
      .send([
        {
          data: { image: '/data/upload/1/aa11-cat.jpg' },
          annotations: [{ result: [box(10, 20, 'Car', [800, 600]), quality('good')] }],
        },
        {
          data: { image: '/data/upload/1/bb22-dog.jpg' },
          annotations: [{ result: [box(50, 50, 'Person', [1000, 500])], was_cancelled: true }],
        },
        { data: { image: '/data/upload/1/cc33-empty.jpg' } },
      ])
      .expect(201);
    taskIds = imported.body.task_ids;
  });

  afterAll(() => testApp.close());

  it('lists the formats with what the config allows, usable ones first', async () => {
    const response = await http()
      .get(`/api/projects/${project}/export/formats`)
      .set(owner.headers)
      .expect(200);
    const names = response.body.map((format: { name: string }) => format.name);
    expect(names.slice(0, 4)).toEqual(['JSON', 'JSON_MIN', 'CSV', 'TSV']);
    expect(response.body[0]).toEqual({
      name: 'JSON',
      title: 'JSON',
      description: expect.stringContaining('Label Studio Common Format'),
      link: 'https://labelstud.io/guide/export.html#JSON',
    });
  });

  it('disables the one-image-per-task formats for a multi-image object (valueList)', async () => {
    const multiImage = (
      await http()
        .post('/api/projects/')
        .set(owner.headers)
        .send({
          title: 'Pages',
          label_config:
            '<View><Image name="pages" valueList="$pages"/>' +
            '<RectangleLabels name="box" toName="pages"><Label value="Stamp"/></RectangleLabels></View>',
        })
        .expect(201)
    ).body;
    expect(multiImage.parsed_label_config.box.inputs).toEqual([
      { type: 'Image', valueList: 'pages', valueType: null },
    ]);
    const formats = (
      await http()
        .get(`/api/projects/${multiImage.id}/export/formats`)
        .set(owner.headers)
        .expect(200)
    ).body as { name: string; disabled?: boolean }[];
    const disabled = formats.filter((format) => format.disabled).map((format) => format.name);
    expect(disabled).toEqual(
      expect.arrayContaining([
        'COCO',
        'COCO_WITH_IMAGES',
        'VOC',
        'YOLO',
        'YOLO_WITH_IMAGES',
        'YOLO_OBB',
        'YOLO_OBB_WITH_IMAGES',
      ]),
    );
    expect(disabled).not.toContain('JSON');
  });

  it('exports the annotated tasks as JSON, cancelled annotations included', async () => {
    const response = await exported({ exportType: 'JSON' }).expect(200);
    expect(response.headers['content-type']).toContain('application/json');
    expect(response.headers['filename']).toMatch(
      new RegExp(`^project-${project}-at-\\d{4}-\\d{2}-\\d{2}-\\d{2}-\\d{2}-[0-9a-f]{8}\\.json$`),
    );
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="${response.headers['filename']}"`,
    );
    const tasks = JSON.parse(response.text);
    expect(tasks.map((task: { id: number }) => task.id)).toEqual(taskIds.slice(0, 2));
    const [first, second] = tasks;
    expect(Object.keys(first).sort()).toEqual(
      [
        'annotations',
        'cancelled_annotations',
        'comment_authors',
        'comment_count',
        'created_at',
        'data',
        'drafts',
        'file_upload',
        'id',
        'inner_id',
        'last_comment_updated_at',
        'meta',
        'predictions',
        'project',
        'total_annotations',
        'total_predictions',
        'unresolved_comment_count',
        'updated_at',
        'updated_by',
      ].sort(),
    );
    expect(first).toMatchObject({
      data: { image: '/data/upload/1/aa11-cat.jpg' },
      project,
      total_annotations: 1,
      cancelled_annotations: 0,
      drafts: [],
      predictions: [],
    });
    expect(first.created_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/);
    expect(first.annotations[0]).toMatchObject({
      completed_by: owner.userId,
      was_cancelled: false,
      result_count: 2,
      task: first.id,
      project,
      prediction: {},
    });
    expect(second.annotations[0]).toMatchObject({ was_cancelled: true });
  });

  it('exports every task with download_all_tasks, or only the ids asked', async () => {
    const all = JSON.parse((await exported({ download_all_tasks: true }).expect(200)).text);
    expect(all.map((task: { id: number }) => task.id)).toEqual(taskIds);
    const some = JSON.parse(
      (await exported({ download_all_tasks: true, 'ids[]': [String(taskIds[2])] }).expect(200))
        .text,
    );
    expect(some.map((task: { id: number }) => task.id)).toEqual([taskIds[2]]);
  });

  it('converts to CSV: one row per annotation that is not cancelled', async () => {
    const response = await exported({ exportType: 'CSV' }).expect(200);
    expect(response.headers['filename']).toMatch(/\.csv$/);
    const lines = response.text.split('\r\n');
    expect(lines[0]).toBe(
      '"annotation_id","annotator","created_at","id","image","label","lead_time","quality","updated_at"',
    );
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(`,"${owner.userId}",`);
    expect(lines[1]).toContain('"good"');
  });

  it("refuses a format the config does not allow, and another organization's project", async () => {
    const refused = await exported({ exportType: 'CONLL2003' }).expect(400);
    expect(JSON.stringify(refused.body)).toContain('CONLL2003 is not supported export format');
    await exported({ exportType: 'NOPE' }).expect(400);
    await exported({}, stranger).expect(404);
    await http().get(`/api/projects/${project}/export/formats`).set(stranger.headers).expect(404);
    await exported({ ids: 'x' }).expect(400);
  });

  it('leaves no files of a direct export behind', async () => {
    await exported({ exportType: 'CSV' }).expect(200);
    await exported({ exportType: 'JSON' }).expect(200);
    const root = join(testApp.app.get(AppConfig).DATA_DIR, 'export');
    // The response is sent before its files are removed: give the close event a moment.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await readdir(root)).filter((name) => name.startsWith('direct-'))).toEqual([]);
  });
});
