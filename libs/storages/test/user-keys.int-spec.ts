import { DataSource } from 'typeorm';
import { AnnotationsHttpModule } from '@ls/annotations';
import { createAccount, createAuthTestApp, TestAccount } from '@ls/auth/testing';
import { TestApp } from '@ls/core/testing';
import { ProjectsHttpModule } from '@ls/projects';
import { StoragesHttpModule } from '@ls/storages';
import { TasksHttpModule } from '@ls/tasks';

const CONFIG = `<View><Text name="text" value="$text"/>
  <Labels name="ner" toName="text"><Label value="PER"/><Label value="ORG"/></Labels></View>`;
const CHANGED_CONFIG = CONFIG.replace(
  '<Label value="ORG"/>',
  '<Label value="ORG"/><Label value="LOC"/>',
);

/**
 * Keys that come from imported data (result types, control names, CSV headers, query fields) are
 * looked up as data, never as JSON paths or plain-object properties.
 */
describe('imported data used as keys (e2e)', () => {
  let testApp: TestApp;
  let owner: TestAccount;
  let dataSource: DataSource;

  beforeAll(async () => {
    testApp = await createAuthTestApp({
      imports: [ProjectsHttpModule, TasksHttpModule, AnnotationsHttpModule, StoragesHttpModule],
    });
    owner = await createAccount(testApp.app);
    dataSource = testApp.app.get(DataSource);
  });

  afterAll(() => testApp.close());

  const http = () => testApp.http();
  const project = async () =>
    (
      await http()
        .post('/api/projects/')
        .set(owner.headers)
        .send({ title: 'Keys', label_config: CONFIG })
        .expect(201)
    ).body.id as number;
  const importAnnotated = (id: number, result: unknown[]) =>
    http()
      .post(`/api/projects/${id}/import`)
      .set(owner.headers)
      .send([{ data: { text: 'John' }, annotations: [{ result }] }])
      .expect(201);
  const changeConfig = (id: number) =>
    http().patch(`/api/projects/${id}/`).set(owner.headers).send({ label_config: CHANGED_CONFIG });
  const span = (fromName: string, type: string, labels: unknown = ['PER']) => ({
    from_name: fromName,
    to_name: 'text',
    type,
    value: { start: 0, end: 4, [type]: labels },
  });

  it('a result type that is not a JSON path ("[") leaves config changes and label counts working', async () => {
    const id = await project();
    await importAnnotated(id, [span('ner', 'labels'), span('ner', '[', ['PER'])]);
    const refused = await changeConfig(id).expect(400);
    expect(refused.body.validation_errors.label_config[0]).toContain('type=[');
    const ok = await project();
    await importAnnotated(ok, [span('ner', 'labels', ['ORG'])]);
    await http()
      .post(`/api/projects/${ok}/validate/`)
      .set(owner.headers)
      .send({ label_config: CHANGED_CONFIG })
      .expect(200);
    await changeConfig(ok).expect(200);
    const link = await http()
      .post('/api/labels/')
      .set(owner.headers)
      .send([{ project: ok, from_name: 'ner', title: 'ORG', value: {} }])
      .expect(201);
    const counted = await http()
      .get(`/api/label_links/${link.body.results[0].links[0]}/`)
      .set(owner.headers)
      .expect(200);
    expect(counted.body.annotations_count).toBe(1);
  });

  it.each(['__proto__', 'constructor', 'toString'])(
    'a control named %s in imported results is answered as unknown, polluting nothing',
    async (name) => {
      const id = await project();
      await importAnnotated(id, [span(name, 'labels', ['polluted_label'])]);
      const refused = await changeConfig(id).expect(400);
      expect(refused.body.validation_errors.label_config[0]).toContain(`from_name=${name}`);
      expect(({} as Record<string, unknown>).polluted_label).toBeUndefined();
      expect((Object as unknown as Record<string, unknown>).polluted_label).toBeUndefined();
    },
  );

  it('preannotated_from_fields naming an object property is a 400, not a crash', async () => {
    const id = await project();
    for (const field of ['__proto__', 'constructor']) {
      const refused = await http()
        .post(`/api/projects/${id}/import?preannotated_from_fields=${field}`)
        .set(owner.headers)
        .send([{ text: 'John' }])
        .expect(400);
      expect(Object.values(refused.body.validation_errors).flat()).toEqual([
        `Error at item 0: preannotated field "${field}" is not a control of the label config`,
      ]);
    }
  });

  it('a CSV column named __proto__ is kept as a data key', async () => {
    const id = await project();
    await http()
      .post(`/api/projects/${id}/import`)
      .set(owner.headers)
      .attach('file', Buffer.from('text,__proto__\nJohn,kept\n'), 'tasks.csv')
      .expect(201);
    const [row] = await dataSource.query(`SELECT data FROM task WHERE project_id = ${id}`);
    const data = typeof row.data === 'string' ? JSON.parse(row.data) : row.data;
    expect(Object.hasOwn(data, '__proto__')).toBe(true);
    expect(data.__proto__).toBe('kept');
  });
});
