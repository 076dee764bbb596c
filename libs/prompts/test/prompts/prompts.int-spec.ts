import { createAccount, TestAccount } from '@ls/auth/testing';
import { TestApp } from '@ls/core/testing';
import {
  BOTH_CONFIG,
  CLASSIFICATION_CONFIG,
  createPromptsApp,
  IMAGE_CONFIG,
  NER_CONFIG,
  promptsApiOf,
  TEXT_ONLY_CONFIG,
} from './support/prompts-api';

/** `/api/prompts/`: prompts checked against their projects' configs, scoped and role-gated. */
describe('prompts (int)', () => {
  let testApp: TestApp;
  let owner: TestAccount;
  let stranger: TestAccount;
  let api: ReturnType<typeof promptsApiOf>;
  const http = () => testApp.http();

  beforeAll(async () => {
    testApp = await createPromptsApp();
    owner = await createAccount(testApp.app);
    stranger = await createAccount(testApp.app);
    api = promptsApiOf(testApp, owner);
  });

  afterAll(() => testApp.close());

  it('creates a prompt from a project: fields and classes derived, the link stored', async () => {
    const project = await api.project(CLASSIFICATION_CONFIG, 'Sentiment');
    const created = await api.prompt({
      title: 'Sentiment',
      description: 'Positive or not',
      associated_projects: [project],
    });
    expect(created).toMatchObject({
      title: 'Sentiment',
      description: 'Positive or not',
      skill_name: 'TextClassification',
      input_fields: ['text'],
      output_classes: ['Positive', 'Negative'],
      associated_projects: [project],
      organization: owner.organizationId,
      created_by: { id: owner.userId, email: owner.email },
    });
    const rows = await api.query(
      'SELECT title, skill_name, organization_id, created_by_id FROM model_interface WHERE id = $1',
      created.id,
    );
    expect(rows).toEqual([
      {
        title: 'Sentiment',
        skill_name: 'TextClassification',
        organization_id: owner.organizationId,
        created_by_id: owner.userId,
      },
    ]);
    const links = await api.query(
      'SELECT project_id FROM model_interface_associated_project WHERE model_interface_id = $1',
      created.id,
    );
    expect(links.map((link) => Number(link.project_id))).toEqual([project]);

    const read = await http().get(`/api/prompts/${created.id}/`).set(owner.headers).expect(200);
    expect(read.body.associated_projects).toEqual([{ id: project, title: 'Sentiment' }]);
  });

  it('keeps the fields and classes given, and needs no project', async () => {
    const created = await api.prompt({
      title: 'Free',
      skill_name: 'NamedEntityRecognition',
      input_fields: ['body', 'title'],
      output_classes: ['PER'],
    });
    expect(created).toMatchObject({
      skill_name: 'NamedEntityRecognition',
      input_fields: ['body', 'title'],
      output_classes: ['PER'],
      associated_projects: [],
    });
  });

  it('refuses a project that does not fit the skill (400 naming why), writing nothing', async () => {
    const ner = await api.project(NER_CONFIG, 'Entities');
    const image = await api.project(IMAGE_CONFIG, 'Pictures');
    const before = await api.count('SELECT COUNT(*) AS n FROM model_interface');
    const refused = await api
      .createPrompt({ title: 'Bad', associated_projects: [ner] })
      .expect(400);
    expect(refused.body.validation_errors.associated_projects[0]).toBe(
      `Project ${ner} is not compatible with TextClassification: TextClassification needs no Labels control, the config has one.`,
    );
    const noText = await api
      .createPrompt({ title: 'Bad', associated_projects: [image] })
      .expect(400);
    expect(noText.body.validation_errors.associated_projects[0]).toMatch(
      /needs a Choices control on a Text object/,
    );
    const foreign = await promptsApiOf(testApp, stranger).project();
    const unknown = await api
      .createPrompt({ title: 'Bad', associated_projects: [foreign] })
      .expect(400);
    expect(unknown.body.validation_errors.associated_projects[0]).toBe(
      `Invalid pk "${foreign}" - object does not exist.`,
    );
    expect(await api.count('SELECT COUNT(*) AS n FROM model_interface')).toBe(before);
  });

  it('validates fields and sizes (400, never 5xx)', async () => {
    const cases: Record<string, unknown>[] = [
      {},
      { title: '' },
      { title: 'x'.repeat(501) },
      { title: null },
      { title: 'ok', skill_name: 'Summarization' },
      { title: 'ok', input_fields: 'text' },
      { title: 'ok', input_fields: ['a', 'a'] },
      { title: 'ok', output_classes: [1] },
      { title: 'ok', associated_projects: ['x'] },
    ];
    for (const body of cases) {
      const response = await api.createPrompt(body);
      expect({ body, status: response.status }).toEqual({ body, status: 400 });
    }
    expect((await api.createPrompt({ title: 'x'.repeat(500) })).status).toBe(201);
  });

  it('lists a plain array in the order asked; PATCH and PUT change what they say', async () => {
    const project = await api.project();
    const a = await api.prompt({ title: 'AAA list' });
    const b = await api.prompt({ title: 'BBB list', associated_projects: [project] });
    const list = await http().get('/api/prompts/?ordering=title').set(owner.headers).expect(200);
    const titles = (list.body as { title: string }[]).map((prompt) => prompt.title);
    expect(titles.indexOf('AAA list')).toBeLessThan(titles.indexOf('BBB list'));
    const newest = await http().get('/api/prompts/').set(owner.headers).expect(200);
    expect(newest.body[0].id).toBe(b.id);
    await http().get('/api/prompts/?ordering=password').set(owner.headers).expect(400);

    const patched = await http()
      .patch(`/api/prompts/${b.id}/`)
      .set(owner.headers)
      .send({ description: 'changed' })
      .expect(200);
    expect(patched.body).toMatchObject({
      title: 'BBB list',
      description: 'changed',
      associated_projects: [project],
      input_fields: ['text'],
    });
    const put = await http()
      .put(`/api/prompts/${b.id}`)
      .set(owner.headers)
      .send({ title: 'BBB put', input_fields: ['text'], output_classes: ['Positive'] })
      .expect(200);
    expect(put.body).toMatchObject({
      title: 'BBB put',
      description: null,
      associated_projects: [],
      output_classes: ['Positive'],
    });
    const [row] = await api.query(
      'SELECT title, description FROM model_interface WHERE id = $1',
      b.id,
    );
    expect(row).toEqual({ title: 'BBB put', description: null });
    await http().put(`/api/prompts/${a.id}`).set(owner.headers).send({}).expect(400);
    // changing the skill re-checks the projects
    const ner = await api.project(NER_CONFIG);
    await http()
      .patch(`/api/prompts/${a.id}`)
      .set(owner.headers)
      .send({ associated_projects: [ner] })
      .expect(400);
    const switched = await http()
      .patch(`/api/prompts/${a.id}`)
      .set(owner.headers)
      .send({ associated_projects: [ner], skill_name: 'NamedEntityRecognition' })
      .expect(200);
    expect(switched.body).toMatchObject({ output_classes: ['PER', 'ORG'], input_fields: ['text'] });
  });

  it('deletes a prompt with its versions; the predictions it wrote stay', async () => {
    const project = await api.project();
    const prompt = await api.prompt({ title: 'Doomed', associated_projects: [project] });
    const version = await api
      .createVersion(prompt.id, {
        title: 'Doomed v1',
        prompt: 'Classify {text}',
        provider_model_id: 'gpt-4o',
      })
      .expect(201);
    const task = await http()
      .post('/api/tasks/')
      .set(owner.headers)
      .send({ project, data: { text: 'good' } })
      .expect(201);
    await http()
      .post('/api/predictions/')
      .set(owner.headers)
      .send({ task: task.body.id, model_version: version.body.title, result: [] })
      .expect(201);
    await http().delete(`/api/prompts/${prompt.id}/`).set(owner.headers).expect(204);
    await http().get(`/api/prompts/${prompt.id}/`).set(owner.headers).expect(404);
    expect(
      await api.count(
        'SELECT COUNT(*) AS n FROM third_party_model_version WHERE parent_model_id = $1',
        prompt.id,
      ),
    ).toBe(0);
    expect(
      await api.count(
        'SELECT COUNT(*) AS n FROM model_interface_associated_project WHERE model_interface_id = $1',
        prompt.id,
      ),
    ).toBe(0);
    expect(
      await api.count(
        'SELECT COUNT(*) AS n FROM prediction WHERE task_id = $1 AND model_version = $2',
        task.body.id,
        'Doomed v1',
      ),
    ).toBe(1);
  });

  it('lists the projects that fit each skill, paginated', async () => {
    const member = await createAccount(testApp.app);
    const mine = promptsApiOf(testApp, member);
    const classification = [await mine.project(CLASSIFICATION_CONFIG, 'TC one')];
    classification.push(await mine.project(CLASSIFICATION_CONFIG, 'TC two'));
    const ner = await mine.project(NER_CONFIG, 'NER one');
    for (const config of [BOTH_CONFIG, IMAGE_CONFIG, TEXT_ONLY_CONFIG]) await mine.project(config);
    const list = async (query: string) =>
      (await http().get(`/api/prompts/compatible-projects${query}`).set(member.headers).expect(200))
        .body;
    const tc = await list('');
    expect(tc.count).toBe(2);
    expect(tc.results.map((project: { id: number }) => project.id)).toEqual(
      [...classification].reverse(),
    );
    expect(tc.results[0]).toMatchObject({ title: 'TC two', task_number: 0 });
    const byTitle = await list('?project_type=TextClassification&ordering=title&page_size=1');
    expect(byTitle).toMatchObject({ count: 2, previous: null });
    expect(byTitle.results.map((project: { title: string }) => project.title)).toEqual(['TC one']);
    expect(byTitle.next).toContain('page=2');
    const entities = await list('?project_type=NamedEntityRecognition');
    expect(entities.results.map((project: { id: number }) => project.id)).toEqual([ner]);
    await http()
      .get('/api/prompts/compatible-projects?project_type=Summarization')
      .set(member.headers)
      .expect(400);
  });

  it('managers and above create and read; reviewers and annotators are refused', async () => {
    const roles = { MA: 201, AD: 201, RE: 403, AN: 403 } as const;
    for (const [role, status] of Object.entries(roles)) {
      const account = await createAccount(testApp.app, {
        organizationId: owner.organizationId,
        role: role as keyof typeof roles,
      });
      const created = await promptsApiOf(testApp, account).createPrompt({ title: `By ${role}` });
      expect({ role, status: created.status }).toEqual({ role, status });
      const listed = await http().get('/api/prompts/').set(account.headers);
      expect({ role, status: listed.status }).toEqual({ role, status: status === 201 ? 200 : 403 });
    }
  });

  it("another organization's prompt is not found on every route", async () => {
    const prompt = await api.prompt({ title: 'Private' });
    const version = await api
      .createVersion(prompt.id, { title: 'v1', prompt: 'x', provider_model_id: 'gpt-4o' })
      .expect(201);
    const base = `/api/prompts/${prompt.id}`;
    const calls = [
      http().get(base),
      http().patch(base).send({ title: 'mine' }),
      http().put(base).send({ title: 'mine' }),
      http().delete(base),
      http().get(`${base}/get-default-version-name`),
      http().get(`${base}/versions`),
      http().post(`${base}/versions`).send({ title: 'x', prompt: 'x', provider_model_id: 'm' }),
      http().get(`${base}/versions/${version.body.id}`),
      http().patch(`${base}/versions/${version.body.id}`).send({ title: 'mine' }),
      http().delete(`${base}/versions/${version.body.id}`),
    ];
    for (const call of calls) await call.set(stranger.headers).expect(404);
    const list = await http().get('/api/prompts/').set(stranger.headers).expect(200);
    expect(list.body).toEqual([]);
    const [row] = await api.query('SELECT title FROM model_interface WHERE id = $1', prompt.id);
    expect(row.title).toBe('Private');
  });
});
