import { createAccount, TestAccount } from '@ls/auth/testing';
import { TestApp } from '@ls/core/testing';
import { createDataManagerApp, dataManagerApiOf } from './fixtures';

const kind = (choice: string) => ({
  from_name: 'kind',
  to_name: 'img',
  type: 'choices',
  value: { choices: [choice] },
});

describe('data manager project state (e2e)', () => {
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

  const http = () => testApp.http();

  it('gives the project with its task and annotation counts and what the UI may do', async () => {
    const project = await api.project({ title: 'State' });
    const first = await api.task(project, { image: '/a.png', caption: 'a' });
    await api.task(project, { image: '/b.png', caption: 'b' });
    await api.task(project, { image: '/c.png', caption: 'c' });
    const annotate = (query = '') =>
      http()
        .post(`/api/tasks/${first}/annotations/${query}`)
        .set(owner.headers)
        .send({ result: [kind('Cat')] })
        .expect(201);
    await annotate();
    await annotate();
    await annotate('?was_cancelled=1');

    const state = await http()
      .get(`/api/dm/project/?project=${project}`)
      .set(owner.headers)
      .expect(200);
    expect(state.body).toMatchObject({
      id: project,
      title: 'State',
      task_number: 3,
      total_annotations_number: 2,
      skipped_annotations_number: 1,
      task_count: 3,
      annotation_count: 3,
      can_delete_tasks: true,
      can_manage_annotations: true,
      can_manage_tasks: true,
      source_syncing: false,
      target_syncing: false,
      config_has_control_tags: true,
    });
    expect(state.body.parsed_label_config).toHaveProperty('kind');
  });

  it('says when the label config has no control tag', async () => {
    const project = await api.project({
      label_config: '<View><Image name="i" value="$image"/></View>',
    });
    const state = await http()
      .get(`/api/dm/project/?project=${project}`)
      .set(owner.headers)
      .expect(200);
    expect(state.body).toMatchObject({
      task_count: 0,
      annotation_count: 0,
      config_has_control_tags: false,
    });
  });

  it("answers 404 for another organization's project and 400 without one", async () => {
    const project = await api.project();
    await http().get(`/api/dm/project/?project=${project}`).set(stranger.headers).expect(404);
    const missing = await http().get('/api/dm/project/').set(owner.headers).expect(400);
    expect(missing.body.validation_errors).toHaveProperty('project');
  });
});
