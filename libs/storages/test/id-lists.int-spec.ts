import { DataSource } from 'typeorm';
import { AnnotationsHttpModule } from '@ls/annotations';
import { createAccount, createAuthTestApp, TestAccount } from '@ls/auth/testing';
import { TestApp } from '@ls/core/testing';
import { ProjectsHttpModule } from '@ls/projects';
import { StoragesHttpModule } from '@ls/storages';
import { TasksHttpModule } from '@ls/tasks';

/** More ids than either database binds in one statement (SQLite 32,766, PostgreSQL 65,535). */
const MANY = 70_000;
const range = (size: number, from = 1) => Array.from({ length: size }, (_, i) => from + i);
const CAPPED = ['Ensure this field has no more than 10000 elements.'];

/** Upload id lists of a request are capped at 10,000: a 400 naming the field, nothing changed. */
describe('id lists in upload requests (e2e)', () => {
  let testApp: TestApp;
  let owner: TestAccount;
  let dataSource: DataSource;
  let projectId: number;
  let uploadId: number;

  beforeAll(async () => {
    testApp = await createAuthTestApp({
      imports: [ProjectsHttpModule, TasksHttpModule, AnnotationsHttpModule, StoragesHttpModule],
    });
    owner = await createAccount(testApp.app);
    dataSource = testApp.app.get(DataSource);
    projectId = (
      await testApp
        .http()
        .post('/api/projects/')
        .set(owner.headers)
        .send({ title: 'Uploads', label_config: '<View><Text name="text" value="$text"/></View>' })
        .expect(201)
    ).body.id;
    const uploaded = await testApp
      .http()
      .post(`/api/projects/${projectId}/import?commit_to_project=false`)
      .set(owner.headers)
      .attach('file', Buffer.from('text\na\n'), 'tasks.csv')
      .expect(201);
    [uploadId] = uploaded.body.file_upload_ids;
  });

  afterAll(() => testApp.close());

  const uploads = async () =>
    Number(
      (
        await dataSource.query(
          `SELECT COUNT(*) AS n FROM file_upload WHERE project_id = ${projectId}`,
        )
      )[0].n,
    );

  it('deleting 70,000 uploads by id is a 400 naming file_upload_ids', async () => {
    const refused = await testApp
      .http()
      .delete(`/api/projects/${projectId}/file-uploads`)
      .set(owner.headers)
      .send({ file_upload_ids: [uploadId, ...range(MANY, uploadId + 1)] })
      .expect(400);
    expect(refused.body.validation_errors.file_upload_ids).toEqual(CAPPED);
    expect(await uploads()).toBe(1);
  });

  it('reimporting 70,000 uploads is a 400 naming file_upload_ids', async () => {
    const refused = await testApp
      .http()
      .post(`/api/projects/${projectId}/reimport`)
      .set(owner.headers)
      .send({ file_upload_ids: [uploadId, ...range(MANY, uploadId + 1)] })
      .expect(400);
    expect(refused.body.validation_errors.file_upload_ids).toEqual(CAPPED);
    expect(
      Number(
        (
          await dataSource.query(`SELECT COUNT(*) AS n FROM task WHERE project_id = ${projectId}`)
        )[0].n,
      ),
    ).toBe(0);
  });
});
