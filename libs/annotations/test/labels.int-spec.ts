import { DataSource } from 'typeorm';
import { AnnotationsHttpModule } from '@ls/annotations';
import { createAccount, createAuthTestApp, TestAccount } from '@ls/auth/testing';
import { expectContract, expectOperationResponse, TestApp } from '@ls/core/testing';
import { ProjectsHttpModule } from '@ls/projects';
import { TasksHttpModule } from '@ls/tasks';
import { apiOf, choice, SENTIMENT_CONFIG, span } from './fixtures';

describe('label library and label links (e2e)', () => {
  let testApp: TestApp;
  let owner: TestAccount;
  let api: ReturnType<typeof apiOf>;
  let dataSource: DataSource;

  beforeAll(async () => {
    testApp = await createAuthTestApp({
      imports: [ProjectsHttpModule, TasksHttpModule, AnnotationsHttpModule],
    });
    owner = await createAccount(testApp.app);
    api = apiOf(testApp, owner);
    dataSource = testApp.app.get(DataSource);
  });

  afterAll(() => testApp.close());

  const http = () => testApp.http();

  it('creates labels with links, lists, gets, patches and deletes them', async () => {
    const project = await api.project();
    const created = await http()
      .post('/api/labels/')
      .set(owner.headers)
      .send([
        { title: 'Positive', value: 'Positive', from_name: 'sentiment', project },
        { title: 'PER', value: { color: 'red' }, from_name: 'ner', project, description: 'People' },
      ])
      .expect(201);
    expectOperationResponse('api_labels_create', 201, created.body);
    expect(created.body.count).toBe(2);
    const [positive, person] = created.body.results;
    expect(positive).toMatchObject({
      title: 'Positive',
      from_name: 'sentiment',
      project,
      projects: [project],
    });
    const links = await dataSource.query(
      `SELECT from_name FROM label_link WHERE project_id = ${project} ORDER BY id`,
    );
    expect(links).toEqual([{ from_name: 'sentiment' }, { from_name: 'ner' }]);

    const listed = await http().get('/api/labels/?ordering=title').set(owner.headers).expect(200);
    expectOperationResponse('api_labels_list', 200, listed.body);
    expect(listed.body.results.map((l: { title: string }) => l.title)).toEqual(['PER', 'Positive']);

    const got = await http().get(`/api/labels/${person.id}/`).set(owner.headers).expect(200);
    expectContract('Label', got.body);
    expect(got.body).toMatchObject({
      value: { color: 'red' },
      description: 'People',
      links: person.links,
    });

    const patched = await http()
      .patch(`/api/labels/${person.id}/`)
      .set(owner.headers)
      .send({ approved: true, description: 'Persons' })
      .expect(200);
    expect(patched.body).toMatchObject({ approved: true, description: 'Persons' });
    expectOperationResponse('api_labels_partial_update', 200, patched.body);
    const [row] = await dataSource.query(`SELECT description FROM label WHERE id = ${person.id}`);
    expect(row.description).toBe('Persons');

    const invalid = await http()
      .post('/api/labels/')
      .set(owner.headers)
      .send([
        { title: 'X', value: 'X', from_name: 'sentiment', project },
        { title: '', project },
      ])
      .expect(400);
    expect(Object.keys(invalid.body.validation_errors)).toEqual(
      expect.arrayContaining(['[1].title', '[1].from_name']),
    );
    expect(invalid.body.validation_errors['[1].from_name']).toEqual(
      expect.arrayContaining(['This field is required.']),
    );
    for (const notAList of [{ title: 'X' }, [], 'X']) {
      const refused = await http()
        .post('/api/labels/')
        .set(owner.headers)
        .type('json')
        .send(JSON.stringify(notAList))
        .expect(400);
      expect(refused.body.validation_errors).toEqual({
        non_field_errors: ['Expected a non-empty list of labels.'],
      });
    }
    expect((await dataSource.query(`SELECT id FROM label WHERE title = 'X'`)).length).toBe(0);

    await http().delete(`/api/labels/${person.id}/`).set(owner.headers).expect(204);
    expect(
      await dataSource.query(`SELECT id FROM label_link WHERE label_id = ${person.id}`),
    ).toEqual([]);
  });

  it('links labels to project controls and counts their use in annotations', async () => {
    const project = await api.project();
    const task = await api.task(project);
    await api.annotate(task, { result: [choice('Positive'), span('PER')] });
    await api.annotate(task, { result: [choice('Positive')] });
    const label = (
      await http()
        .post('/api/labels/')
        .set(owner.headers)
        .send([{ title: 'Negative', value: 'Negative', from_name: 'sentiment', project }])
        .expect(201)
    ).body.results[0];
    const other = await api.project({ title: 'Other' });
    const link = await http()
      .post('/api/label_links/')
      .set(owner.headers)
      .send({ label: label.id, project: other, from_name: 'sentiment' })
      .expect(201);
    expectContract('LabelLink', link.body);
    await http()
      .post('/api/label_links/')
      .set(owner.headers)
      .send({ label: label.id, project: other, from_name: 'sentiment' })
      .expect(400);

    const positive = (
      await http()
        .post('/api/labels/')
        .set(owner.headers)
        .send([{ title: 'Positive', value: 'Positive', from_name: 'sentiment', project }])
        .expect(201)
    ).body.results[0];
    const positiveLink = await http()
      .get(`/api/label_links/${positive.links[0]}/`)
      .set(owner.headers)
      .expect(200);
    expect(positiveLink.body).toMatchObject({
      annotations_count: 2,
      from_name: 'sentiment',
      project,
    });

    const listed = await http()
      .get(`/api/label_links/?project=${other}`)
      .set(owner.headers)
      .expect(200);
    expectOperationResponse('api_label_links_list', 200, listed.body);
    expect(listed.body.results).toEqual([link.body]);

    const patched = await http()
      .patch(`/api/label_links/${link.body.id}/`)
      .set(owner.headers)
      .send({ from_name: 'mood' })
      .expect(200);
    expect(patched.body.from_name).toBe('mood');
    expectOperationResponse('api_label_links_partial_update', 200, patched.body);
    await http().delete(`/api/label_links/${link.body.id}/`).set(owner.headers).expect(204);
    expect(await dataSource.query(`SELECT id FROM label_link WHERE id = ${link.body.id}`)).toEqual(
      [],
    );
  });

  it('renames a label inside saved annotations (labels bulk)', async () => {
    const project = await api.project({
      label_config: SENTIMENT_CONFIG.replace(
        '<Choice value="Neutral"/>',
        '<Choice value="Neutral"/><Choice value="Good"/>',
      ),
    });
    const task = await api.task(project);
    const first = await api.annotate(task, { result: [choice('Positive'), span('PER')] });
    const second = await api.annotate(task, { result: [choice('Negative')] });
    const bulk = await http()
      .post('/api/labels/bulk')
      .set(owner.headers)
      .send({ project, from_name: 'sentiment', old_label: ['Positive'], new_label: ['Good'] })
      .expect(200);
    // Label Studio answers with the count (the contract describes no body).
    expect(bulk.body).toEqual({ annotations_updated: 1 });
    const renamed = await http()
      .get(`/api/annotations/${first.id}/`)
      .set(owner.headers)
      .expect(200);
    expect(renamed.body.result).toEqual([choice('Good'), span('PER')]);
    const untouched = await http()
      .get(`/api/annotations/${second.id}/`)
      .set(owner.headers)
      .expect(200);
    expect(untouched.body.result).toEqual([choice('Negative')]);
  });
});
