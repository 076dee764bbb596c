import { createAccount, TestAccount } from '@ls/auth/testing';
import { TestApp } from '@ls/core/testing';
import { createDataManagerApp, dataManagerApiOf } from './fixtures';

const NOT_IN_CONTRACT = 'the columns route is internal, not in the contract (behavior.md 6.6)';

interface Column {
  id: string;
  type: string;
  parent?: string;
  children?: string[];
  visibility_defaults?: { explore: boolean; labeling: boolean };
  schema?: { items: unknown[] };
}

describe('data manager columns (e2e)', () => {
  let testApp: TestApp;
  let owner: TestAccount;
  let stranger: TestAccount;
  let api: ReturnType<typeof dataManagerApiOf>;

  beforeAll(async () => {
    testApp = await createDataManagerApp();
    owner = await createAccount(testApp.app);
    stranger = await createAccount(testApp.app);
    api = dataManagerApiOf(testApp, owner);
  });

  afterAll(() => testApp.close());

  const columnsOf = async (project: number, account = owner, status = 200) =>
    (
      await testApp
        .http()
        .get(`/api/dm/columns/?project=${project}`)
        .set(account.headers)
        .skipContract(NOT_IN_CONTRACT)
        .expect(status)
    ).body as { columns: Column[] };

  it('lists config data columns, then keys only tasks have, the fixed columns and the data root', async () => {
    const project = await api.project();
    const first = await api.task(project, { image: '/a.png', caption: 'a', city: 'Paris' });
    await api.task(project, { image: '/b.png', caption: 'b', score: 3, city: 'Oslo' });
    await testApp
      .http()
      .post('/api/predictions/')
      .set(owner.headers)
      .send({
        task: first,
        model_version: 'v7',
        result: [
          { from_name: 'kind', to_name: 'img', type: 'choices', value: { choices: ['Cat'] } },
        ],
      })
      .expect(201);

    const { columns } = await columnsOf(project);
    const data = columns.filter((column) => column.parent === 'data');
    expect(
      data.map(({ id, type, visibility_defaults }) => [id, type, visibility_defaults]),
    ).toEqual([
      ['image', 'Image', { explore: true, labeling: true }],
      ['caption', 'String', { explore: true, labeling: true }],
      ['city', 'Unknown', { explore: true, labeling: false }],
      ['score', 'Unknown', { explore: true, labeling: false }],
    ]);
    const fixed = columns.filter((column) => column.parent === undefined).map(({ id }) => id);
    expect(fixed).toEqual([
      'id',
      'inner_id',
      'completed_at',
      'total_annotations',
      'cancelled_annotations',
      'total_predictions',
      'annotators',
      'annotations_results',
      'annotations_ids',
      'predictions_score',
      'predictions_model_versions',
      'predictions_results',
      'file_upload',
      'storage_filename',
      'created_at',
      'updated_at',
      'updated_by',
      'avg_lead_time',
      'draft_exists',
      'data',
    ]);
    const byId = new Map(columns.map((column) => [column.id, column]));
    expect(byId.get('data')).toMatchObject({
      type: 'List',
      children: ['image', 'caption', 'city', 'score'],
    });
    expect(byId.get('id')).toMatchObject({ type: 'Number', target: 'tasks' });
    expect(byId.get('completed_at')?.type).toBe('Datetime');
    expect(byId.get('draft_exists')?.type).toBe('Boolean');
    expect(byId.get('predictions_model_versions')?.schema).toEqual({
      items: ['v7'],
      multiple: true,
    });
  });

  it('lists only the config columns of a project without tasks', async () => {
    const project = await api.project();
    const { columns } = await columnsOf(project);
    expect(columns.find((column) => column.id === 'data')?.children).toEqual(['image', 'caption']);
  });

  it("answers 404 for another organization's project and 400 without a project", async () => {
    const project = await api.project();
    await columnsOf(project, stranger, 404);
    const missing = await testApp
      .http()
      .get('/api/dm/columns/')
      .set(owner.headers)
      .skipContract(NOT_IN_CONTRACT)
      .expect(400);
    expect(missing.body.validation_errors).toHaveProperty('project');
    await testApp
      .http()
      .get('/api/dm/columns/?project=1x')
      .set(owner.headers)
      .skipContract(NOT_IN_CONTRACT)
      .expect(400);
  });
});
