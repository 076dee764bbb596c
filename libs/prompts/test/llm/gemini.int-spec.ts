import { generateKeyPairSync } from 'node:crypto';
import { AuthContext } from '@ls/auth';
import { createAccount, TestAccount } from '@ls/auth/testing';
import { TestApp } from '@ls/core/testing';
import { LlmServerError, ModelProviderConnections } from '@ls/prompts';
import { GeminiServer } from '../support/gemini-server';
import { OpenAiCompatibleServer } from '../support/openai-compatible-server';
import { createPromptsApp } from '../prompts/support/prompts-api';
import { labelOf, runsApiOf } from '../runs/support/runs-api';
import { connectionsApiOf } from './llm-app';

const SCHEMA = {
  type: 'object',
  properties: { label: { type: 'string', enum: ['Positive', 'Negative'] } },
  required: ['label'],
};

/** Gemini (API key) and Vertex AI (service account) connections through `@google/genai`. */
describe('Gemini and Vertex AI connections (int)', () => {
  let testApp: TestApp;
  let gemini: GeminiServer;
  let openai: OpenAiCompatibleServer;
  let owner: TestAccount;
  let api: ReturnType<typeof connectionsApiOf>;
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const serviceAccount = () =>
    JSON.stringify({
      type: 'service_account',
      project_id: 'labels-project',
      private_key_id: 'key-1',
      private_key: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      client_email: 'labeler@labels-project.iam.gserviceaccount.com',
      token_uri: `${gemini.url}/token`,
    });

  beforeAll(async () => {
    gemini = await new GeminiServer().start();
    gemini.serviceAccountKey = publicKey;
    openai = await new OpenAiCompatibleServer().start();
    testApp = await createPromptsApp({
      LLM_OPENAI_BASE_URL: `${openai.url}/v1`,
      LLM_GEMINI_BASE_URL: gemini.url,
      LLM_VERTEXAI_BASE_URL: gemini.url,
      PROMPTS_RETRY_BASE_MS: 50,
    });
    owner = await createAccount(testApp.app);
    api = connectionsApiOf(testApp, owner);
  });

  afterAll(async () => {
    await testApp.close();
    await gemini.close();
    await openai.close();
  });

  beforeEach(() => {
    gemini.reset();
    openai.reset();
  });

  const providerOf = async (id: number) => {
    const connections = testApp.app.get(ModelProviderConnections);
    return connections.providerOf(await connections.usableBy(authOf(owner), id));
  };

  it('Gemini: a connection lists its models with the key (paged) and caches them', async () => {
    gemini.maxPageSize = 2;
    const created = await api.create({ provider: 'Gemini', api_key: 'gemini-test-key' });
    expect([created.status, created.body.validation_errors]).toEqual([201, undefined]);
    expect(created.body).toMatchObject({
      provider: 'Gemini',
      cached_available_models: 'gemini-2.5-flash,gemini-2.0-flash,text-embedding-004',
    });
    expect(created.body).not.toHaveProperty('api_key');
    const lists = gemini.callsTo('/v1beta/models');
    expect(lists.map((call) => call.query.get('pageToken'))).toEqual([null, '2']);
    expect(lists[0].headers['x-goog-api-key'] ?? lists[0].query.get('key')).toBe('gemini-test-key');
    const row = await api.row(created.body.id);
    expect(row?.cached_available_models).toBe(
      'gemini-2.5-flash,gemini-2.0-flash,text-embedding-004',
    );
    expect(JSON.stringify(row)).not.toContain('gemini-test-key');
  });

  it('Gemini: a key Google rejects is a 400 with its message, nothing saved', async () => {
    const before = await api.count();
    const refused = await api.create({ provider: 'Gemini', api_key: 'AIza-wrong' }).expect(400);
    expect(refused.body.validation_errors.api_key[0]).toContain('API key not valid');
    expect(await api.count()).toBe(before);
    expect(gemini.callsTo('/v1beta/models')).toHaveLength(1);
  });

  it('Gemini: a structured completion answers parsed JSON with usage; errors are typed', async () => {
    const created = await api
      .create({ provider: 'Gemini', api_key: 'gemini-test-key' })
      .expect(201);
    const provider = await providerOf(created.body.id);
    const answer = await provider.complete({
      model: 'gemini-2.5-flash',
      messages: [
        { role: 'system', content: 'Classify.' },
        { role: 'user', content: 'Negative review' },
      ],
      responseSchema: SCHEMA,
      maxTokens: 64,
    });
    expect(answer.text).toBe('{"label":"Negative"}');
    expect(answer.parsed).toEqual({ label: 'Negative' });
    expect(answer.usage).toEqual({ inputTokens: 4, outputTokens: 9 });
    const [call] = gemini.callsTo('/v1beta/models/gemini-2.5-flash:generateContent');
    expect(call.headers['x-goog-api-key']).toBe('gemini-test-key');
    expect(call.body).toMatchObject({
      contents: [{ role: 'user', parts: [{ text: 'Negative review' }] }],
      systemInstruction: { parts: [{ text: 'Classify.' }] },
      generationConfig: {
        responseMimeType: 'application/json',
        responseJsonSchema: SCHEMA,
        maxOutputTokens: 64,
      },
    });
    const ask = () =>
      provider.complete({ model: 'gemini-2.5-flash', messages: [{ role: 'user', content: 'hi' }] });
    expect((await ask()).text).toBe('echo: hi');
    gemini.failNext({ status: 429, message: 'Resource has been exhausted' });
    await expect(ask()).rejects.toMatchObject({
      kind: 'rate-limited',
      message: 'Resource has been exhausted',
    });
    gemini.failNext({ status: 500 });
    await expect(ask()).rejects.toBeInstanceOf(LlmServerError);
  });

  it('Vertex AI: one token from the service account token_uri, then lists and completes', async () => {
    gemini.maxPageSize = 2;
    const created = await api.create({
      provider: 'VertexAI',
      google_application_credentials: serviceAccount(),
      google_project_id: 'labels-project',
      google_location: 'us-central1',
    });
    expect([created.status, created.body.validation_errors]).toEqual([201, undefined]);
    expect(created.body.cached_available_models).toBe(
      'gemini-2.5-flash,gemini-2.0-flash,text-embedding-004',
    );
    expect(created.body).not.toHaveProperty('google_application_credentials');
    expect(JSON.stringify(await api.row(created.body.id))).not.toContain('PRIVATE KEY');
    const lists = gemini.callsTo('/v1beta1/publishers/google/models');
    expect(lists.map((call) => [call.query.get('pageToken'), call.headers.authorization])).toEqual([
      [null, 'Bearer ya29.test-1'],
      ['2', 'Bearer ya29.test-1'],
    ]);
    const [grant, ...more] = gemini.callsTo('/token');
    expect(more).toHaveLength(0);
    const form = new URLSearchParams(grant.body as string);
    expect(form.get('grant_type')).toBe('urn:ietf:params:oauth:grant-type:jwt-bearer');
    const claims = JSON.parse(
      Buffer.from(String(form.get('assertion')).split('.')[1], 'base64url').toString(),
    );
    expect(claims).toMatchObject({
      iss: 'labeler@labels-project.iam.gserviceaccount.com',
      aud: `${gemini.url}/token`,
      scope: 'https://www.googleapis.com/auth/cloud-platform',
    });

    const provider = await providerOf(created.body.id);
    for (const content of ['Positive news', 'Negative news']) {
      const answer = await provider.complete({
        model: 'gemini-2.0-flash',
        messages: [{ role: 'user', content }],
        responseSchema: SCHEMA,
      });
      expect(answer.parsed).toEqual({ label: content.split(' ')[0] });
      expect(answer.usage.inputTokens).toBe(2);
    }
    const completions = gemini.callsTo(
      '/v1beta1/projects/labels-project/locations/us-central1/publishers/google/models/gemini-2.0-flash:generateContent',
    );
    expect(completions).toHaveLength(2);
    expect(completions.map((call) => call.headers.authorization)).toEqual([
      'Bearer ya29.test-2',
      'Bearer ya29.test-2',
    ]);
    // one token for the check at creation, one for this adapter: never one per request
    expect(gemini.callsTo('/token')).toHaveLength(2);
  });

  it('Vertex AI: credentials the token_uri refuses are a 400, nothing saved', async () => {
    const before = await api.count();
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    const forged = JSON.stringify({
      ...JSON.parse(serviceAccount()),
      private_key: other.export({ type: 'pkcs8', format: 'pem' }).toString(),
    });
    const refused = await api
      .create({
        provider: 'VertexAI',
        google_application_credentials: forged,
        google_project_id: 'labels-project',
        google_location: 'us-central1',
      })
      .expect(400);
    expect(refused.body.validation_errors.google_application_credentials[0]).toContain(
      'Invalid JWT',
    );
    expect(gemini.callsTo('/v1beta1/publishers/google/models')).toHaveLength(0);
    await api
      .create({
        provider: 'VertexAI',
        google_application_credentials: '{"nope": true}',
        google_project_id: 'labels-project',
        google_location: 'us-central1',
      })
      .expect(400);
    expect(await api.count()).toBe(before);
  });

  it('an inference run through a Gemini connection stores its predictions', async () => {
    const runs = runsApiOf(testApp, owner);
    const openaiConnection = await runs.connection({ provider: 'OpenAI', api_key: 'sk-test-key' });
    const connection = await runs.connection({ provider: 'Gemini', api_key: 'gemini-test-key' });
    const { project, prompt } = await runs.classification(5, 'Gemini', openaiConnection);
    const version = await runs.version(prompt, {
      title: 'Gemini flash',
      prompt: 'Classify the sentiment of this text: {text}',
      provider: 'Gemini',
      provider_model_id: 'gemini-2.0-flash',
      model_provider_connection: connection,
    });
    const run = await runs.start(prompt, version, { project });
    expect(await runs.until(prompt, version, run.id)).toMatchObject({
      status: 'Completed',
      total_predictions: 5,
    });
    expect(gemini.callsTo('/v1beta/models/gemini-2.0-flash:generateContent')).toHaveLength(5);
    expect(openai.callsTo('/chat/completions')).toHaveLength(0);
    const rows = await runs.query(
      "SELECT result FROM prediction WHERE project_id = $1 AND model_version = 'Gemini flash' ORDER BY task_id",
      project,
    );
    const labels = rows.map((row) => {
      const result = typeof row.result === 'string' ? JSON.parse(row.result) : row.result;
      return result[0].value.choices[0];
    });
    expect(labels).toEqual([1, 2, 3, 4, 5].map(labelOf));
    const [cost] = await runs.query('SELECT total_cost_usd FROM model_run WHERE id = $1', run.id);
    expect(Number(cost.total_cost_usd)).toBeGreaterThan(0);
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
