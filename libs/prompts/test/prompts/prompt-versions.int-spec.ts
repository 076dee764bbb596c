import { createAccount, TestAccount } from '@ls/auth/testing';
import { TestApp } from '@ls/core/testing';
import { OpenAiCompatibleServer } from '../support/openai-compatible-server';
import { createPromptsApp, promptsApiOf } from './support/prompts-api';

/** `/api/prompts/{id}/versions`: templates checked against the prompt, models against the connection. */
describe('prompt versions (int)', () => {
  let testApp: TestApp;
  let owner: TestAccount;
  let stranger: TestAccount;
  let api: ReturnType<typeof promptsApiOf>;
  let openai: OpenAiCompatibleServer;
  let connection: number;
  const http = () => testApp.http();

  beforeAll(async () => {
    openai = await new OpenAiCompatibleServer().start();
    testApp = await createPromptsApp({ LLM_OPENAI_BASE_URL: `${openai.url}/v1` });
    owner = await createAccount(testApp.app);
    stranger = await createAccount(testApp.app);
    api = promptsApiOf(testApp, owner);
    const created = await http()
      .post('/api/model-provider-connections/')
      .set(owner.headers)
      .send({ provider: 'OpenAI', api_key: 'sk-test-key' })
      .expect(201);
    connection = created.body.id;
  });

  afterAll(async () => {
    await testApp.close();
    await openai.close();
  });

  const newPrompt = (title = 'Sentiment') =>
    api.prompt({ title, input_fields: ['text', 'title'], output_classes: ['Positive'] });

  it('creates, reads, changes and deletes a version, stored as given', async () => {
    const prompt = await newPrompt();
    const created = await api
      .createVersion(prompt.id, {
        title: 'Sentiment v1',
        prompt: 'Classify {text} titled "{title}" as JSON {{"label": "..."}}',
        provider: 'OpenAI',
        provider_model_id: 'gpt-4o',
        model_provider_connection: connection,
      })
      .expect(201);
    expect(created.body).toMatchObject({
      parent_model: prompt.id,
      title: 'Sentiment v1',
      provider: 'OpenAI',
      provider_model_id: 'gpt-4o',
      model_provider_connection: connection,
      organization: owner.organizationId,
      created_by: { id: owner.userId },
      score: null,
    });
    const id = created.body.id as number;
    const [row] = await api.query(
      `SELECT parent_model_id, title, prompt, provider, provider_model_id,
        model_provider_connection_id, score FROM third_party_model_version WHERE id = $1`,
      id,
    );
    expect({ ...row, parent_model_id: Number(row.parent_model_id) }).toEqual({
      parent_model_id: prompt.id,
      title: 'Sentiment v1',
      prompt: 'Classify {text} titled "{title}" as JSON {{"label": "..."}}',
      provider: 'OpenAI',
      provider_model_id: 'gpt-4o',
      model_provider_connection_id: connection,
      score: null,
    });
    const base = `/api/prompts/${prompt.id}/versions`;
    const listed = await http().get(base).set(owner.headers).expect(200);
    expect(listed.body.map((version: { id: number }) => version.id)).toEqual([id]);
    await http().get(`${base}/${id}`).set(owner.headers).expect(200);
    const patched = await http()
      .patch(`${base}/${id}/`)
      .set(owner.headers)
      .send({ provider_model_id: 'gpt-4o-mini' })
      .expect(200);
    expect(patched.body).toMatchObject({ provider_model_id: 'gpt-4o-mini', title: 'Sentiment v1' });
    const put = await http()
      .put(`${base}/${id}`)
      .set(owner.headers)
      .send({ title: 'Sentiment v1b', prompt: 'Just {text}', provider_model_id: 'anything' })
      .expect(200);
    expect(put.body).toMatchObject({ model_provider_connection: null, provider: 'OpenAI' });
    await http().delete(`${base}/${id}`).set(owner.headers).expect(204);
    expect(
      await api.count('SELECT COUNT(*) AS n FROM third_party_model_version WHERE id = $1', id),
    ).toBe(0);
    await http().get(`${base}/${id}`).set(owner.headers).expect(404);
  });

  it('refuses placeholders the prompt has no input field for, naming the field', async () => {
    const prompt = await newPrompt('Templates');
    const create = (template: string) =>
      api.createVersion(prompt.id, { title: template, prompt: template, provider_model_id: 'm' });
    const unknown = await create('Classify {body}').expect(400);
    expect(unknown.body.validation_errors.prompt[0]).toBe(
      "Unknown field {body}: the prompt's input fields are text, title (write {{ and }} for literal braces).",
    );
    expect((await create('Classify {text')).status).toBe(400);
    expect((await create('Classify text}')).status).toBe(400);
    expect((await create('Classify {}')).status).toBe(400);
    await create('Literal {{body}} and {text}').expect(201);
    expect(
      await api.count(
        'SELECT COUNT(*) AS n FROM third_party_model_version WHERE parent_model_id = $1',
        prompt.id,
      ),
    ).toBe(1);
    // narrowing the prompt's fields must keep the versions' placeholders
    const narrowed = await http()
      .patch(`/api/prompts/${prompt.id}`)
      .set(owner.headers)
      .send({ input_fields: ['title'] })
      .expect(400);
    expect(narrowed.body.validation_errors.input_fields[0]).toMatch(/uses \{text\}/);
  });

  it('checks provider and model against the connection', async () => {
    const prompt = await newPrompt('Models');
    const create = (body: Record<string, unknown>) =>
      api.createVersion(prompt.id, {
        title: `t${Math.random()}`,
        prompt: '{text}',
        model_provider_connection: connection,
        ...body,
      });
    const wrongProvider = await create({ provider: 'Anthropic', provider_model_id: 'gpt-4o' });
    expect(wrongProvider.status).toBe(400);
    expect(wrongProvider.body.validation_errors.provider[0]).toBe(
      `The connection ${connection} is for OpenAI, not Anthropic.`,
    );
    const wrongModel = await create({ provider_model_id: 'gpt-5' }).expect(400);
    expect(wrongModel.body.validation_errors.provider_model_id[0]).toBe(
      `"gpt-5" is not a model of connection ${connection}; its models are: gpt-4o, gpt-4o-mini.`,
    );
    const missing = await create({
      provider_model_id: 'gpt-4o',
      model_provider_connection: 999999,
    });
    expect(missing.status).toBe(400);
    expect(missing.body.validation_errors.model_provider_connection).toBeDefined();
    const ok = await create({ provider_model_id: 'gpt-4o-mini' }).expect(201);
    expect(ok.body.provider).toBe('OpenAI');
    const patch = await http()
      .patch(`/api/prompts/${prompt.id}/versions/${ok.body.id}`)
      .set(owner.headers)
      .send({ provider_model_id: 'davinci' })
      .expect(400);
    expect(patch.body.validation_errors.provider_model_id).toBeDefined();
    const [row] = await api.query(
      'SELECT provider_model_id FROM third_party_model_version WHERE id = $1',
      ok.body.id,
    );
    expect(row.provider_model_id).toBe('gpt-4o-mini');
    // another organization's connection does not exist for this caller
    const foreign = await promptsApiOf(testApp, stranger).createPrompt({ title: 'theirs' });
    expect(foreign.status).toBe(201);
    await http()
      .post(`/api/prompts/${foreign.body.id}/versions`)
      .set(stranger.headers)
      .send({
        title: 'x',
        prompt: 'x',
        provider_model_id: 'gpt-4o',
        model_provider_connection: connection,
      })
      .expect(400);
  });

  it('titles are unique within a prompt; the default name is the next free one', async () => {
    const prompt = await newPrompt('Named');
    const name = async () =>
      (
        await http()
          .get(`/api/prompts/${prompt.id}/get-default-version-name`)
          .set(owner.headers)
          .expect(200)
      ).body.title;
    expect(await name()).toBe('Named v1');
    await api
      .createVersion(prompt.id, { title: 'Named v1', prompt: 'x', provider_model_id: 'm' })
      .expect(201);
    expect(await name()).toBe('Named v2');
    await api
      .createVersion(prompt.id, { title: 'Named v3', prompt: 'x', provider_model_id: 'm' })
      .expect(201);
    expect(await name()).toBe('Named v4');
    const duplicate = await api
      .createVersion(prompt.id, { title: 'Named v1', prompt: 'y', provider_model_id: 'm' })
      .expect(400);
    expect(duplicate.body.validation_errors.title).toEqual([
      'A version of this prompt already has this title.',
    ]);
    const other = await newPrompt('Other');
    await api
      .createVersion(other.id, { title: 'Named v1', prompt: 'x', provider_model_id: 'm' })
      .expect(201);
    expect(
      await api.count(
        'SELECT COUNT(*) AS n FROM third_party_model_version WHERE parent_model_id = $1',
        prompt.id,
      ),
    ).toBe(2);
  });

  it('validates sizes and required fields; a version under another prompt is not found', async () => {
    const prompt = await newPrompt('Sizes');
    const cases: Record<string, unknown>[] = [
      { prompt: 'x', provider_model_id: 'm' },
      { title: 'x', provider_model_id: 'm' },
      { title: 'x', prompt: 'x' },
      { title: 'x'.repeat(501), prompt: 'x', provider_model_id: 'm' },
      { title: 'x', prompt: 'x', provider_model_id: 'm'.repeat(256) },
      { title: 'x', prompt: 'x', provider_model_id: 'm', provider: 'OpenAI2' },
      { title: 'x', prompt: '', provider_model_id: 'm' },
      { title: 'x', prompt: 'x', provider_model_id: 'm', model_provider_connection: 'a' },
    ];
    for (const body of cases) {
      const response = await api.createVersion(prompt.id, body);
      expect({ body, status: response.status }).toEqual({ body, status: 400 });
    }
    const version = await api
      .createVersion(prompt.id, { title: 'x'.repeat(500), prompt: 'x', provider_model_id: 'm' })
      .expect(201);
    const other = await newPrompt('Elsewhere');
    await http()
      .get(`/api/prompts/${other.id}/versions/${version.body.id}`)
      .set(owner.headers)
      .expect(404);
    await http()
      .delete(`/api/prompts/${other.id}/versions/${version.body.id}`)
      .set(owner.headers)
      .expect(404);
    expect(
      await api.count(
        'SELECT COUNT(*) AS n FROM third_party_model_version WHERE id = $1',
        version.body.id,
      ),
    ).toBe(1);
  });
});
