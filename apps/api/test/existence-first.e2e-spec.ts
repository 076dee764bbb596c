import { DataSource } from 'typeorm';
import { createAccount, TestAccount } from '@ls/auth/testing';
import { createTestApp, TestApp } from '@ls/core/testing';
import { DOMAIN_MODULES, HTTP_MODULES } from '../src/app.module';

const CONFIG = '<View><Text name="text" value="$text"/></View>';

/** Issue 11, item 9: existence and access come before the body is judged, on every route. */
describe('a missing or foreign object answers 404 whatever the body (e2e)', () => {
  let testApp: TestApp;
  let owner: TestAccount;
  let stranger: TestAccount;
  let project: number;
  let task: number;

  beforeAll(async () => {
    testApp = await createTestApp({ imports: [...DOMAIN_MODULES, ...HTTP_MODULES] });
    owner = await createAccount(testApp.app);
    stranger = await createAccount(testApp.app);
    const http = () => testApp.http();
    project = (
      await http()
        .post('/api/projects')
        .set(owner.headers)
        .send({ title: 'Existence', label_config: CONFIG })
        .expect(201)
    ).body.id;
    task = (
      await http()
        .post('/api/tasks')
        .set(owner.headers)
        .send({ project, data: { text: 'a' } })
        .expect(201)
    ).body.id;
  });

  afterAll(() => testApp.close());

  const patch = (path: string, account: TestAccount, body: object) =>
    testApp.http().patch(path).set(account.headers).send(body);

  it('PATCH /api/projects/{id}/ of a project that does not exist is a 404, not a 400', async () => {
    await patch('/api/projects/987654321/', owner, { title: 'Renamed' }).expect(404);
    await patch('/api/projects/987654321/', owner, { maximum_annotations: 'many' }).expect(404);
    await patch('/api/projects/99999999999/', owner, { maximum_annotations: 'many' }).expect(404);
    await patch(`/api/projects/${project}/`, stranger, { maximum_annotations: 'many' }).expect(404);
    const own = await patch(`/api/projects/${project}/`, owner, { maximum_annotations: 'many' });
    expect(own.status).toBe(400);
    expect(Object.keys(own.body.validation_errors)).toEqual(['maximum_annotations']);
  });

  it('does the same for tasks, annotations, organizations and users', async () => {
    await patch(`/api/tasks/${task}/`, stranger, { data: 'not an object' }).expect(404);
    await patch(`/api/tasks/${task}/`, owner, { data: 'not an object' }).expect(400);
    await testApp
      .http()
      .post(`/api/tasks/${task}/annotations/`)
      .set(stranger.headers)
      .send({ result: 'not a list' })
      .expect(404);
    await patch('/api/annotations/987654321/', owner, { result: 'not a list' }).expect(404);
    await patch(`/api/organizations/${owner.organizationId}`, stranger, {
      contact_info: 'not an email',
    }).expect(404);
    await patch(`/api/users/${owner.userId}/`, stranger, { first_name: 12 }).expect(404);
    const [row] = await testApp.app
      .get(DataSource)
      .query(`SELECT title, maximum_annotations FROM project WHERE id = ${Number(project)}`);
    expect(row).toMatchObject({ title: 'Existence', maximum_annotations: 1 });
  });
});
