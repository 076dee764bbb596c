import { AuthContext } from '@ls/auth';
import { createAccount, TestAccount } from '@ls/auth/testing';
import { TestApp } from '@ls/core/testing';
import { LlmServerError, ModelProviderConnections } from '@ls/prompts';
import { AnthropicServer } from '../support/anthropic-server';
import { OpenAiCompatibleServer } from '../support/openai-compatible-server';
import { connectionsApiOf, createLlmApp } from './llm-app';

const BASE = '/api/model-provider-connections';

/** `/api/model-provider-connections/`: checked credentials, sealed secrets, scopes and roles. */
describe('Model provider connections (int)', () => {
  let testApp: TestApp;
  let openai: OpenAiCompatibleServer;
  let anthropic: AnthropicServer;
  let owner: TestAccount;
  let manager: TestAccount;
  let api: ReturnType<typeof connectionsApiOf>;
  const bodies: string[] = [];
  const logged: string[] = [];
  const http = () => testApp.http();

  beforeAll(async () => {
    openai = await new OpenAiCompatibleServer().start();
    anthropic = await new AnthropicServer().start();
    testApp = await createLlmApp({
      LOG_LEVEL: 'trace',
      LLM_OPENAI_BASE_URL: `${openai.url}/v1`,
      LLM_ANTHROPIC_BASE_URL: anthropic.url,
    });
    owner = await createAccount(testApp.app);
    manager = await createAccount(testApp.app, {
      organizationId: owner.organizationId,
      role: 'MA',
    });
    api = connectionsApiOf(testApp, owner);
    // Everything the server logs, at the most talkative level, is kept to be searched below.
    for (const stream of [process.stdout, process.stderr]) {
      jest.spyOn(stream, 'write').mockImplementation((chunk: unknown) => {
        logged.push(String(chunk));
        return true;
      });
    }
  });

  afterAll(async () => {
    jest.restoreAllMocks();
    await testApp.close();
    await openai.close();
    await anthropic.close();
  });

  beforeEach(() => {
    openai.reset();
    anthropic.reset();
  });

  const keep = <T extends { text: string }>(response: T): T => {
    bodies.push(response.text);
    return response;
  };

  it('creates an OpenAI connection once the key lists models, the key sealed and never shown', async () => {
    const created = keep(await api.create({ provider: 'OpenAI', api_key: 'sk-test-key' }));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      provider: 'OpenAI',
      scope: 'Organization',
      organization: owner.organizationId,
      created_by: { id: owner.userId },
      cached_available_models: 'gpt-4o,gpt-4o-mini',
      budget_total_spent: 0,
      budget_limit: null,
      is_internal: false,
    });
    expect(created.body).not.toHaveProperty('api_key');
    expect(JSON.parse(created.body.model_params)).toMatchObject({ type: 'object' });
    expect(openai.callsTo('/v1/models')[0].headers.authorization).toBe('Bearer sk-test-key');
    const row = await api.row(created.body.id);
    expect(String(row?.secrets_sealed)).toMatch(/^v1:/);
    expect(JSON.stringify(row)).not.toContain('sk-test-key');
    const read = keep(
      await http().get(`${BASE}/${created.body.id}/`).set(owner.headers).expect(200),
    );
    expect(read.body.cached_available_models).toBe('gpt-4o,gpt-4o-mini');
  });

  it('refuses a key the provider rejects (400 with its message) and saves nothing', async () => {
    const before = await api.count();
    const refused = await api.create({ provider: 'OpenAI', api_key: 'sk-wrong' }).expect(400);
    expect(refused.body.validation_errors.api_key[0]).toContain('Incorrect API key provided');
    expect(await api.count()).toBe(before);
  });

  it('names the fields a provider needs (400)', async () => {
    const refused = await api
      .create({ provider: 'AzureOpenAI', api_key: 'sk-test-key' })
      .expect(400);
    expect(Object.keys(refused.body.validation_errors).sort()).toEqual([
      'deployment_name',
      'endpoint',
    ]);
    await api.create({ api_key: 'x' }).expect(400);
    await api.create({ provider: 'Nope', api_key: 'x' }).expect(400);
  });

  it('Azure OpenAI: the deployment is the model, the key in api-key', async () => {
    const created = keep(
      await api
        .create({
          provider: 'AzureOpenAI',
          api_key: 'sk-test-key',
          endpoint: openai.url,
          deployment_name: 'labeler',
        })
        .expect(201),
    );
    expect(created.body.cached_available_models).toBe('labeler');
    const [call] = openai.callsTo('/openai/models');
    expect(call.headers['api-key']).toBe('sk-test-key');
    expect(call.query.get('api-version')).toBeTruthy();
  });

  it('Custom endpoint with an auth token, and its adapter answering with usage', async () => {
    openai.authorization = 'Bearer tok-custom';
    try {
      const created = keep(
        await api
          .create({ provider: 'Custom', endpoint: `${openai.url}/v1`, auth_token: 'tok-custom' })
          .expect(201),
      );
      expect(created.body.cached_available_models).toBe('gpt-4o,gpt-4o-mini');
      const connections = testApp.app.get(ModelProviderConnections);
      const connection = await connections.usableBy(authOf(owner), created.body.id);
      const provider = await connections.providerOf(connection);
      const answer = await provider.complete({
        model: 'gpt-4o',
        messages: [{ role: 'user', content: 'This is Positive news' }],
        responseSchema: {
          type: 'object',
          properties: { label: { type: 'string', enum: ['Negative', 'Positive'] } },
        },
      });
      expect(answer.parsed).toEqual({ label: 'Positive' });
      expect(answer.usage.inputTokens).toBeGreaterThan(0);
      const body = openai.callsTo('/chat/completions')[0].body as Record<string, unknown>;
      expect(body.response_format).toMatchObject({ type: 'json_schema' });
    } finally {
      openai.authorization = null;
    }
  });

  it('adapter errors are typed: 429 with Retry-After, 500, bad key', async () => {
    const created = await api.create({ provider: 'OpenAI', api_key: 'sk-test-key' }).expect(201);
    const connections = testApp.app.get(ModelProviderConnections);
    const provider = await connections.providerOf(
      await connections.usableBy(authOf(owner), created.body.id),
    );
    const ask = () =>
      provider.complete({ model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }] });
    openai.failNext({ status: 429, retryAfter: 2 });
    await expect(ask()).rejects.toMatchObject({ kind: 'rate-limited', retryAfterMs: 2000 });
    openai.failNext({ status: 500 });
    await expect(ask()).rejects.toBeInstanceOf(LlmServerError);
    expect((await ask()).text).toBe('echo: hi');
    expect(openai.callsTo('/chat/completions')).toHaveLength(3);
  });

  it('Anthropic: models listed with x-api-key, structured answers through a tool call', async () => {
    const response = keep(await api.create({ provider: 'Anthropic', api_key: 'sk-ant-test-key' }));
    expect([response.status, response.body.validation_errors]).toEqual([201, undefined]);
    const created = response;
    expect(created.body.cached_available_models).toBe(
      'claude-sonnet-4-20250514,claude-3-5-haiku-20241022',
    );
    await api.create({ provider: 'Anthropic', api_key: 'bad' }).expect(400);
    const connections = testApp.app.get(ModelProviderConnections);
    const provider = await connections.providerOf(
      await connections.usableBy(authOf(owner), created.body.id),
    );
    const answer = await provider.complete({
      model: 'claude-sonnet-4-20250514',
      messages: [
        { role: 'system', content: 'Classify.' },
        { role: 'user', content: 'Negative review' },
      ],
      responseSchema: {
        type: 'object',
        properties: { label: { type: 'string', enum: ['Positive', 'Negative'] } },
      },
    });
    expect(answer.parsed).toEqual({ label: 'Negative' });
    expect(answer.usage).toEqual({ inputTokens: 4, outputTokens: expect.any(Number) });
    const body = anthropic.callsTo('/v1/messages')[0].body as Record<string, unknown>;
    expect(body).toMatchObject({
      system: 'Classify.',
      tool_choice: { type: 'tool', name: 'output' },
    });
    anthropic.failNext({ status: 429, retryAfter: 3 });
    await expect(
      provider.complete({
        model: 'claude-sonnet-4-20250514',
        messages: [{ role: 'user', content: 'x' }],
      }),
    ).rejects.toMatchObject({ kind: 'rate-limited', retryAfterMs: 3000 });
  });

  it('scopes: a User connection is its creator’s only; organization-wide ones are AD/OW’s to change', async () => {
    const mine = keep(
      await connectionsApiOf(testApp, manager)
        .create({ provider: 'OpenAI', api_key: 'sk-test-key', scope: 'User' })
        .expect(201),
    );
    await http().get(`${BASE}/${mine.body.id}/`).set(owner.headers).expect(404);
    await http().patch(`${BASE}/${mine.body.id}/`).set(owner.headers).send({}).expect(404);
    const ownerList = await http().get(BASE).set(owner.headers).expect(200);
    expect(ownerList.body.map((item: { id: number }) => item.id)).not.toContain(mine.body.id);
    const managerList = await http().get(`${BASE}?ordering=-id`).set(manager.headers).expect(200);
    expect(managerList.body[0].id).toBe(mine.body.id);
    // a manager sees organization-wide connections but neither creates nor changes them
    await connectionsApiOf(testApp, manager)
      .create({ provider: 'OpenAI', api_key: 'sk-test-key' })
      .expect(403);
    const shared = await api.create({ provider: 'OpenAI', api_key: 'sk-test-key' }).expect(201);
    await http().get(`${BASE}/${shared.body.id}`).set(manager.headers).expect(200);
    await http()
      .patch(`${BASE}/${shared.body.id}`)
      .set(manager.headers)
      .send({ budget_alert_threshold: 1 })
      .expect(403);
    await http()
      .patch(`${BASE}/${mine.body.id}`)
      .set(manager.headers)
      .send({ scope: 'Organization' })
      .expect(403);
    // the creator changes theirs; no new provider call when no credential changed
    const calls = openai.calls.length;
    const patched = await http()
      .patch(`${BASE}/${mine.body.id}`)
      .set(manager.headers)
      .send({ budget_alert_threshold: 2.5, budget_limit: 99 })
      .expect(200);
    expect(patched.body).toMatchObject({ budget_alert_threshold: 2.5, budget_limit: null });
    expect(openai.calls.length).toBe(calls);
    await http().delete(`${BASE}/${mine.body.id}`).set(manager.headers).expect(204);
    expect(await api.row(mine.body.id)).toBeUndefined();
  });

  it('internal connections are hidden from lists and cannot be changed or created', async () => {
    const created = await api.create({ provider: 'OpenAI', api_key: 'sk-test-key' }).expect(201);
    await api.query(
      `UPDATE model_provider_connection SET is_internal = ${api.mark(1)} WHERE id = ${api.mark(2)}`,
      api.mark(1) === '?' ? 1 : true,
      created.body.id,
    );
    const list = await http().get(BASE).set(owner.headers).expect(200);
    expect(list.body.map((item: { id: number }) => item.id)).not.toContain(created.body.id);
    await http().delete(`${BASE}/${created.body.id}`).set(owner.headers).expect(403);
    await api.create({ provider: 'OpenAI', api_key: 'sk-test-key', is_internal: true }).expect(400);
  });

  it('roles: annotators and reviewers are refused; another organization gets 404', async () => {
    const created = await api.create({ provider: 'OpenAI', api_key: 'sk-test-key' }).expect(201);
    for (const role of ['AN', 'RE'] as const) {
      const member = await createAccount(testApp.app, {
        organizationId: owner.organizationId,
        role,
      });
      await connectionsApiOf(testApp, member)
        .create({ provider: 'OpenAI', api_key: 'sk-test-key' })
        .expect(403);
      await http().get(BASE).set(member.headers).expect(403);
    }
    const stranger = await createAccount(testApp.app);
    const path = `${BASE}/${created.body.id}/`;
    await http().get(path).set(stranger.headers).expect(404);
    await http().patch(path).set(stranger.headers).send({}).expect(404);
    await http().put(path).set(stranger.headers).send({}).expect(404);
    await http().delete(path).set(stranger.headers).expect(404);
    expect((await http().get(BASE).set(stranger.headers).expect(200)).body).toEqual([]);
  });

  it('provider choices', async () => {
    const choices = await http().get(`${BASE}/provider-choices`).set(owner.headers).expect(200);
    expect(choices.body).toEqual({
      provider_choices: [
        'OpenAI',
        'AzureOpenAI',
        'AzureAIFoundry',
        'VertexAI',
        'Gemini',
        'Anthropic',
        'Custom',
      ],
    });
  });

  it('no secret appears in any response or log line', () => {
    expect(logged.length).toBeGreaterThan(0);
    for (const text of [...bodies, ...logged]) {
      for (const secret of ['sk-test-key', 'sk-ant-test-key', 'tok-custom']) {
        expect(text).not.toContain(secret);
      }
    }
  });
});

/** The context a service call needs for an owner account (what the auth guard builds). */
function authOf(account: TestAccount): AuthContext {
  return {
    user: { id: account.userId } as AuthContext['user'],
    organizationId: account.organizationId,
    role: 'OW',
    method: 'token',
  };
}
