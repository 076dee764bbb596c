import { DataSource } from 'typeorm';
import { AnnotationsHttpModule } from '@ls/annotations';
import { createAccount, createAuthTestApp, TestAccount } from '@ls/auth/testing';
import { TestApp } from '@ls/core/testing';
import { DataManagerHttpModule } from '@ls/data-manager';
import { ProjectsHttpModule } from '@ls/projects';
import { StoragesHttpModule } from '@ls/storages';
import { TasksHttpModule } from '@ls/tasks';

const CONFIG = `<View><Text name="text" value="$text"/>
  <Choices name="sentiment" toName="text"><Choice value="Positive"/></Choices></View>`;

/** The data manager filters and orders tasks by the name of the file they were uploaded in. */
describe('data manager file_upload column (int)', () => {
  let testApp: TestApp;
  let owner: TestAccount;
  let project: number;

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
    project = (
      await testApp
        .http()
        .post('/api/projects/')
        .set(owner.headers)
        .send({ title: 'Uploads', label_config: CONFIG })
        .expect(201)
    ).body.id;
    await testApp
      .http()
      .post(`/api/projects/${project}/import`)
      .set(owner.headers)
      .attach('file', Buffer.from('text\nbanana 1\nbanana 2\n'), 'bananas.csv')
      .attach('file', Buffer.from('text\napple 1\n'), 'apples.csv')
      .expect(201);
    await testApp
      .http()
      .post(`/api/projects/${project}/import`)
      .set(owner.headers)
      .send([{ text: 'typed in' }])
      .expect(201);
  });

  afterAll(() => testApp.close());

  const texts = async (query: Record<string, unknown>) => {
    const response = await testApp
      .http()
      .get('/api/tasks/')
      .query({ project, fields: 'task_only', query: JSON.stringify(query) })
      .set(owner.headers)
      .expect(200);
    return response.body.tasks.map((task: { data: { text: string } }) => task.data.text);
  };
  const fileFilter = (operator: string, value: unknown) => ({
    filters: {
      conjunction: 'and',
      items: [{ filter: 'filter:tasks:file_upload', operator, type: 'String', value }],
    },
  });

  it('filters by the uploaded file name, not its folders', async () => {
    expect(await texts(fileFilter('contains', 'banana'))).toEqual(['banana 1', 'banana 2']);
    expect(await texts(fileFilter('contains', 'upload'))).toEqual([]);
    expect(await texts(fileFilter('regex', 'apples\\.csv$'))).toEqual(['apple 1']);
    expect(await texts(fileFilter('empty', true))).toEqual(['typed in']);
    expect(await texts(fileFilter('not_contains', 'apple'))).toEqual([
      'banana 1',
      'banana 2',
      'typed in',
    ]);
  });

  it('orders by the uploaded file name, tasks without one last', async () => {
    // Stored names start with 8 random hex digits (`upload/<project>/<hex>-<name>`).
    const stored: { file: string }[] = await testApp.app
      .get(DataSource)
      .query('SELECT file FROM file_upload ORDER BY id');
    const nameOf = (suffix: string) =>
      stored.map((row) => row.file.split('/').pop() ?? '').find((name) => name.endsWith(suffix));
    const appleFirst = String(nameOf('apples.csv')) < String(nameOf('bananas.csv'));
    const byName = appleFirst
      ? ['apple 1', 'banana 1', 'banana 2']
      : ['banana 1', 'banana 2', 'apple 1'];
    expect(await texts({ ordering: ['tasks:file_upload'] })).toEqual([...byName, 'typed in']);
    expect(await texts({ ordering: ['-tasks:file_upload'] })).toEqual([
      ...(appleFirst ? ['banana 1', 'banana 2', 'apple 1'] : ['apple 1', 'banana 1', 'banana 2']),
      'typed in',
    ]);
  });
});
