import { AnnotationsHttpModule } from '@ls/annotations';
import { createAccount, createAuthTestApp, TestAccount } from '@ls/auth/testing';
import { expectContract, TestApp } from '@ls/core/testing';
import { ProjectsHttpModule } from '@ls/projects';
import { DataManagerHttpModule } from '@ls/data-manager';
import { StoragesHttpModule } from '@ls/storages';
import { TasksHttpModule } from '@ls/tasks';

const CONFIG = `<View><Text name="text" value="$text"/>
  <Choices name="sentiment" toName="text"><Choice value="Positive"/><Choice value="Negative"/></Choices></View>`;
const choice = (value: string) => ({
  from_name: 'sentiment',
  to_name: 'text',
  type: 'choices',
  value: { choices: [value] },
});

/** Every field any of our answers names as a count, a total, a size or an id. */
const COUNTER_FIELD =
  /(_number$|_count$|^count$|^total|^queue_|^cancelled_annotations$|^size$|^duration$|^id$|^inner_id$|^tasks$|^annotations$|_tasks$|^rejected$)/;

/** Paths of the counters in `body` that are not integers (null is "unknown", allowed). */
function nonIntegerCounters(body: unknown, path = ''): string[] {
  if (Array.isArray(body))
    return body.flatMap((item, i) => nonIntegerCounters(item, `${path}[${i}]`));
  if (typeof body !== 'object' || body === null) return [];
  return Object.entries(body).flatMap(([key, value]) => {
    const here = `${path}.${key}`;
    if (COUNTER_FIELD.test(key) && (typeof value !== 'object' || value === null)) {
      return value === null || Number.isInteger(value) ? [] : [`${here}=${JSON.stringify(value)}`];
    }
    return nonIntegerCounters(value, here);
  });
}

/**
 * Counters are integers in every answer, on SQLite and on PostgreSQL (whose COUNT and SUM come
 * back as strings), including the list shapes the contract types as strings (Label Studio's
 * serializers answer integers there; docs/contract-deviations.md).
 */
describe('counters are integers everywhere (e2e)', () => {
  let testApp: TestApp;
  let owner: TestAccount;

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
  });

  afterAll(() => testApp.close());

  const get = async (path: string) =>
    (await testApp.http().get(path).set(owner.headers).expect(200)).body;

  it('in projects, counts, tasks, annotations, predictions, imports, uploads and labels', async () => {
    const project = (
      await testApp
        .http()
        .post('/api/projects/')
        .set(owner.headers)
        .send({ title: 'Counted', label_config: CONFIG })
        .expect(201)
    ).body;
    const imported = await testApp
      .http()
      .post(`/api/projects/${project.id}/import?return_task_ids=true`)
      .set(owner.headers)
      .send([
        {
          data: { text: 'a' },
          annotations: [
            { id: 41, result: [choice('Positive')] },
            { result: [], was_cancelled: true },
          ],
          predictions: [{ result: [choice('Negative')], score: 0.5, model_version: 'v1' }],
        },
        { data: { text: 'b' } },
      ])
      .expect(201);
    const [first] = imported.body.task_ids as number[];
    await testApp
      .http()
      .post(`/api/tasks/${first}/annotations/`)
      .set(owner.headers)
      .send({ result: [choice('Negative')] })
      .expect(201);
    const upload = await testApp
      .http()
      .post(`/api/projects/${project.id}/import?commit_to_project=false`)
      .set(owner.headers)
      .attach('file', Buffer.from('text\nc\n'), 'more.csv')
      .expect(201);
    await testApp
      .http()
      .post('/api/labels/')
      .set(owner.headers)
      .send([{ project: project.id, from_name: 'sentiment', title: 'Positive', value: {} }])
      .expect(201);

    const patched = await testApp
      .http()
      .patch(`/api/projects/${project.id}/`)
      .set(owner.headers)
      .send({ description: 'counted' })
      .expect(200);
    const list = await get('/api/projects/');
    const counts = await get('/api/projects/counts/');
    expectContract('PaginatedAllRolesProjectListList', list);
    expectContract('PaginatedLseProjectCountsList', counts);
    expect(counts.results[0]).toMatchObject({
      task_number: 2,
      total_annotations_number: 2,
      skipped_annotations_number: 1,
      total_predictions_number: 1,
      queue_total: 2,
    });
    const answers: Record<string, unknown> = {
      created: project,
      patched: patched.body,
      list,
      counts,
      detail: await get(`/api/projects/${project.id}/`),
      dashboard: await get(`/api/projects/${project.id}/dashboard`),
      tasks: await get(`/api/tasks/?project=${project.id}`),
      task: await get(`/api/tasks/${first}/`),
      projectTasks: await get(`/api/projects/${project.id}/tasks/`),
      annotations: await get(`/api/tasks/${first}/annotations/`),
      predictions: await get(`/api/predictions/?project=${project.id}`),
      agreement: await get(`/api/tasks/${first}/agreement/`),
      import: await get(`/api/projects/${project.id}/imports/${imported.body.import}/`),
      uploadImport: await get(`/api/projects/${project.id}/imports/${upload.body.import}/`),
      uploads: await get(`/api/projects/${project.id}/file-uploads?all=true`),
      labels: await get(`/api/labels/?project=${project.id}`),
      labelLinks: await get(`/api/label_links/?project=${project.id}`),
    };
    expect(nonIntegerCounters(answers)).toEqual([]);
    expect(answers.annotations).toEqual(
      expect.arrayContaining([expect.objectContaining({ import_id: 41 })]),
    );
  });
});
