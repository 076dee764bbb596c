import { DataSource } from 'typeorm';
import { createAccount, TestAccount } from '@ls/auth/testing';
import { TestApp } from '@ls/core/testing';
import { BudgetExceededError, ConnectionBudget, costOf } from '@ls/prompts';
import { tokensOf } from '../support/llm-test-server';
import { OpenAiCompatibleServer } from '../support/openai-compatible-server';
import { connectionsApiOf, createLlmApp } from './llm-app';

const PROXY = '/api/llm/openai/chat/completions';

/** Budgets (reset per period, refusal, atomic spend) and the OpenAI-compatible proxy. */
describe('Connection budgets and the LLM proxy (int)', () => {
  let testApp: TestApp;
  let openai: OpenAiCompatibleServer;
  let owner: TestAccount;
  let api: ReturnType<typeof connectionsApiOf>;
  let connectionId: number;
  const http = () => testApp.http();

  beforeAll(async () => {
    openai = await new OpenAiCompatibleServer().start();
    testApp = await createLlmApp({ LLM_OPENAI_BASE_URL: `${openai.url}/v1` });
    owner = await createAccount(testApp.app);
    api = connectionsApiOf(testApp, owner);
    connectionId = (await api.create({ provider: 'OpenAI', api_key: 'sk-test-key' }).expect(201))
      .body.id;
  });

  afterAll(async () => {
    await testApp.close();
    await openai.close();
  });

  const setBudget = (fields: Record<string, unknown>) =>
    testApp.app
      .get(DataSource)
      .getRepository('ModelProviderConnection')
      .update(connectionId, fields);
  const spent = async () => Number((await api.row(connectionId))?.budget_total_spent);

  beforeEach(async () => {
    openai.reset();
    await setBudget({
      budget_limit: null,
      budget_reset_period: null,
      budget_total_spent: 0,
      budget_last_reset_date: null,
    });
  });

  it('resets the spend when a new period starts, then refuses once the limit is reached', async () => {
    const budget = testApp.app.get(ConnectionBudget);
    await setBudget({
      budget_limit: 1,
      budget_reset_period: 'Monthly',
      budget_total_spent: 5,
      budget_last_reset_date: new Date('2025-01-10T00:00:00Z'),
    });
    const now = new Date('2025-02-03T00:00:00Z');
    const current = await budget.assertWithinBudget({ id: connectionId }, now);
    expect(current.budget_total_spent).toBe(0);
    expect(current.budget_last_reset_date?.toISOString()).toBe(now.toISOString());
    await budget.recordSpend(connectionId, 1.5, now);
    await expect(budget.assertWithinBudget({ id: connectionId }, now)).rejects.toThrow(
      BudgetExceededError,
    );
    await expect(budget.assertWithinBudget({ id: connectionId }, now)).rejects.toThrow(
      /budget of model provider connection \d+ is exhausted: \$1\.5000 spent of a \$1\.00 limit/,
    );
  });

  it('adds concurrent spends without losing any', async () => {
    const budget = testApp.app.get(ConnectionBudget);
    await Promise.all(Array.from({ length: 20 }, () => budget.recordSpend(connectionId, 0.25)));
    expect(await spent()).toBeCloseTo(5, 10);
  });

  it('relays a completion unchanged and records its cost', async () => {
    const response = await http()
      .post(PROXY)
      .set(owner.headers)
      .send({ model: 'gpt-4o', messages: [{ role: 'user', content: 'Say hello' }], temperature: 0 })
      .expect(200);
    expect(response.body).toMatchObject({
      object: 'chat.completion',
      model: 'gpt-4o',
      choices: [{ index: 0, message: { role: 'assistant', content: 'echo: Say hello' } }],
    });
    const [call] = openai.callsTo('/v1/chat/completions');
    expect(call.body).toMatchObject({ model: 'gpt-4o', temperature: 0 });
    expect(call.headers.authorization).toBe('Bearer sk-test-key');
    const { prompt_tokens: input, completion_tokens: output } = response.body.usage;
    expect([input, output]).toEqual([tokensOf('Say hello'), tokensOf('echo: Say hello')]);
    expect(await spent()).toBeCloseTo(costOf('gpt-4o', input, output) ?? -1, 12);
  });

  it('passes a stream through as server-sent events and records its cost', async () => {
    const response = await http()
      .post(PROXY)
      .set(owner.headers)
      .send({
        model: 'openai/gpt-4o',
        messages: [{ role: 'user', content: 'a b c' }],
        stream: true,
      })
      .skipContract('a server-sent event stream, not the JSON completion')
      .buffer(true)
      .parse((res, done) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => done(null, text));
      })
      .expect(200);
    expect(response.headers['content-type']).toContain('text/event-stream');
    const text = response.body as string;
    expect(text).toContain('"object":"chat.completion.chunk"');
    expect(text.trim().endsWith('data: [DONE]')).toBe(true);
    const [call] = openai.callsTo('/v1/chat/completions');
    expect(call.body).toMatchObject({ stream: true, stream_options: { include_usage: true } });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await spent()).toBeCloseTo(
      costOf('gpt-4o', tokensOf('a b c'), tokensOf('echo: a b c')) ?? -1,
      12,
    );
  });

  it('refuses when the budget is spent, on bad input and on an unknown provider (400 {detail})', async () => {
    await setBudget({ budget_limit: 0.5, budget_total_spent: 0.5 });
    const messages = [{ role: 'user', content: 'x' }];
    const refused = await http()
      .post(PROXY)
      .set(owner.headers)
      .send({ model: 'gpt-4o', messages })
      .expect(400);
    expect(refused.body.detail).toMatch(/budget .* is exhausted/);
    await setBudget({ budget_limit: null });
    const unknown = await http()
      .post(PROXY)
      .set(owner.headers)
      .send({ model: 'foo/bar', messages })
      .expect(400);
    expect(unknown.body.detail).toBe('Unknown provider "foo".');
    await http().post(PROXY).set(owner.headers).send({ model: 'gpt-4o' }).expect(400);
    await http().post(PROXY).set(owner.headers).send({ messages }).expect(400);
    const none = await http()
      .post(PROXY)
      .set(owner.headers)
      .send({ model: 'anthropic:claude-3-5-haiku', messages })
      .expect(400);
    expect(none.body.detail).toContain('No Anthropic model provider connection');
    expect(openai.callsTo('/chat/completions')).toHaveLength(0);
  });

  it('relays the provider’s errors with status and message', async () => {
    openai.failNext({ status: 429, retryAfter: 1, message: 'Slow down' });
    const response = await http()
      .post(PROXY)
      .set(owner.headers)
      .send({ model: 'gpt-4o', messages: [{ role: 'user', content: 'x' }] })
      .skipContract('a relayed provider error (429) is not a status the contract lists')
      .expect(429);
    expect(response.body.detail).toBe('Slow down');
  });
});
