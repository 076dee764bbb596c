import { createAccount, TestAccount } from '@ls/auth/testing';
import { TestApp } from '@ls/core/testing';
import { costOf } from '@ls/prompts';
import { AnthropicServer } from '../support/anthropic-server';
import { defaultAnswer, promptOf, tokensOf } from '../support/llm-test-server';
import { OpenAiCompatibleServer } from '../support/openai-compatible-server';
import { createPromptsApp } from '../prompts/support/prompts-api';
import { labelOf, runsApiOf } from './support/runs-api';

const other = (label: string) => (label === 'Positive' ? 'Negative' : 'Positive');

/** Inference runs of a prompt version against the fake providers (behavior-enterprise §6.3-6.6). */
describe('inference runs (int)', () => {
  let testApp: TestApp;
  let owner: TestAccount;
  let stranger: TestAccount;
  let api: ReturnType<typeof runsApiOf>;
  let openai: OpenAiCompatibleServer;
  let anthropic: AnthropicServer;
  let connection: number;
  const http = () => testApp.http();

  beforeAll(async () => {
    openai = await new OpenAiCompatibleServer().start();
    anthropic = await new AnthropicServer().start();
    testApp = await createPromptsApp({
      LLM_OPENAI_BASE_URL: `${openai.url}/v1`,
      LLM_ANTHROPIC_BASE_URL: anthropic.url,
      PROMPTS_RETRY_BASE_MS: 50,
    });
    owner = await createAccount(testApp.app);
    stranger = await createAccount(testApp.app);
    api = runsApiOf(testApp, owner);
    connection = await api.connection({ provider: 'OpenAI', api_key: 'sk-test-key' });
  });

  afterEach(() => {
    openai.reset();
    anthropic.reset();
  });

  afterAll(async () => {
    await testApp.close();
    await openai.close();
    await anthropic.close();
  });

  it('labels 200 tasks, scores the version on 50 ground truths and records the cost', async () => {
    const { project, tasks, prompt, version } = await api.classification(
      200,
      'Accuracy',
      connection,
    );
    // ground truth on the first 50 tasks: every fifth one disagrees with what the model says
    let expectedCorrect = 0;
    for (let n = 1; n <= 50; n += 1) {
      const agree = n % 5 !== 0;
      if (agree) expectedCorrect += 1;
      await api.groundTruth(tasks[n - 1], 'sentiment', agree ? labelOf(n) : other(labelOf(n)));
    }
    const spentBefore = Number(
      (
        await api.query(
          'SELECT budget_total_spent FROM model_provider_connection WHERE id = $1',
          connection,
        )
      )[0].budget_total_spent,
    );

    const created = await api.start(prompt, version, { project, project_subset: 'All' });
    expect(created).toMatchObject({
      parent_model: version,
      project,
      project_subset: 'All',
      status: 'Pending',
      total_tasks: 200,
      created_by: owner.userId,
      organization: owner.organizationId,
    });
    const run = await api.until(prompt, version, created.id);
    expect(run).toMatchObject({ status: 'Completed', total_tasks: 200, total_predictions: 200 });
    expect(run.triggered_at).not.toBeNull();
    expect(run.completed_at).not.toBeNull();
    expect(run.predictions_updated_at).not.toBeNull();

    const rows = await api.query(
      'SELECT task_id, result, model_version, model_run_id FROM prediction WHERE project_id = $1 ORDER BY task_id',
      project,
    );
    expect(rows).toHaveLength(200);
    rows.forEach((row, index) => {
      expect(row.model_version).toBe('Accuracy v1');
      expect(Number(row.model_run_id)).toBe(created.id);
      const result = typeof row.result === 'string' ? JSON.parse(row.result) : row.result;
      expect(result).toEqual([
        expect.objectContaining({
          from_name: 'sentiment',
          to_name: 'text',
          type: 'choices',
          value: { choices: [labelOf(index + 1)] },
        }),
      ]);
    });
    expect(
      await api.count(
        'SELECT SUM(total_predictions) AS n FROM task WHERE project_id = $1',
        project,
      ),
    ).toBe(200);
    expect(openai.callsTo('/chat/completions')).toHaveLength(200);

    // cost: each call's tokens at gpt-4o's price, computed from what the provider saw
    const expectedCost = openai.callsTo('/chat/completions').reduce((sum, call) => {
      const body = call.body as {
        messages: unknown;
        response_format: { json_schema: { schema: Record<string, unknown> } };
      };
      const text = promptOf(body.messages);
      const answer = defaultAnswer(text, body.response_format.json_schema.schema);
      return sum + (costOf('gpt-4o', tokensOf(text), tokensOf(answer)) as number);
    }, 0);
    const [stored] = await api.query(
      'SELECT total_cost_usd FROM model_run WHERE id = $1',
      created.id,
    );
    expect(Number(stored.total_cost_usd)).toBeCloseTo(expectedCost, 9);
    const spentAfter = Number(
      (
        await api.query(
          'SELECT budget_total_spent FROM model_provider_connection WHERE id = $1',
          connection,
        )
      )[0].budget_total_spent,
    );
    expect(spentAfter - spentBefore).toBeCloseTo(expectedCost, 9);
    const cost = await http()
      .get(`/api/inference-runs/${created.id}/indicators/cost`)
      .set(owner.headers)
      .expect(200);
    expect(cost.body.values.total_cost_usd).toBeCloseTo(expectedCost, 6);

    // the HasGT run: 50 tasks, 40 agree with their ground truth
    const scored = await api.start(prompt, version, { project, project_subset: 'HasGT' });
    expect(scored.total_tasks).toBe(50);
    const done = await api.until(prompt, version, scored.id);
    expect(done).toMatchObject({
      status: 'Completed',
      total_predictions: 50,
      total_correct_predictions: expectedCorrect,
    });
    expect(expectedCorrect).toBe(40);
    const versionBody = await http()
      .get(`/api/prompts/${prompt}/versions/${version}`)
      .set(owner.headers)
      .expect(200);
    expect(Number(versionBody.body.score)).toBeCloseTo(40 / 50, 9);
    // a new run replaced this version's predictions on those 50 tasks: still one per task
    expect(
      await api.count('SELECT COUNT(*) AS n FROM prediction WHERE project_id = $1', project),
    ).toBe(200);
    expect(
      await api.count(
        'SELECT COUNT(*) AS n FROM prediction WHERE project_id = $1 AND model_run_id = $2',
        project,
        scored.id,
      ),
    ).toBe(50);

    const indicators = await http()
      .get(`/api/inference-runs/${scored.id}/indicators/`)
      .set(owner.headers)
      .expect(200);
    const accuracy = indicators.body.find((item: { title: string }) => item.title === 'Accuracy');
    // one label per task: precision = recall = accuracy
    expect(accuracy.values).toMatchObject({ accuracy: 0.8, precision: 0.8, recall: 0.8 });
    await http()
      .get(`/api/inference-runs/${scored.id}/indicators/nonsense`)
      .set(owner.headers)
      .expect(404);
    await http()
      .get(`/api/inference-runs/${created.id}/indicators/accuracy`)
      .set(owner.headers)
      .expect(404);

    // only the tasks without a prediction of the version: none left
    const missing = await api.start(prompt, version, {
      project,
      only_missing_predictions: true,
    });
    expect(missing.total_tasks).toBe(0);
    expect((await api.until(prompt, version, missing.id)).status).toBe('Completed');

    const listed = await http()
      .get(`${api.runsOf(prompt, version)}?project_subset=HasGT`)
      .set(owner.headers)
      .expect(200);
    expect(listed.body.map((item: { id: number }) => item.id)).toEqual([scored.id]);
    const newest = await http().get(api.runsOf(prompt, version)).set(owner.headers).expect(200);
    expect(newest.body.map((item: { id: number }) => item.id)).toEqual([
      missing.id,
      scored.id,
      created.id,
    ]);
  });

  it('runs through an Anthropic connection (tool use)', async () => {
    const claude = await api.connection({ provider: 'Anthropic', api_key: 'sk-ant-test-key' });
    const { project, prompt } = await api.classification(6, 'Claude', connection);
    const version = await api.version(prompt, {
      title: 'Claude sonnet',
      prompt: 'Classify the sentiment of this text: {text}',
      provider: 'Anthropic',
      provider_model_id: 'claude-sonnet-4-20250514',
      model_provider_connection: claude,
    });
    const run = await api.start(prompt, version, { project });
    expect(await api.until(prompt, version, run.id)).toMatchObject({
      status: 'Completed',
      total_predictions: 6,
    });
    expect(anthropic.callsTo('/v1/messages')).toHaveLength(6);
    const rows = await api.query(
      "SELECT result FROM prediction WHERE project_id = $1 AND model_version = 'Claude sonnet' ORDER BY task_id",
      project,
    );
    const labels = rows.map((row) => {
      const result = typeof row.result === 'string' ? JSON.parse(row.result) : row.result;
      return result[0].value.choices[0];
    });
    expect(labels).toEqual([1, 2, 3, 4, 5, 6].map(labelOf));
    const [cost] = await api.query('SELECT total_cost_usd FROM model_run WHERE id = $1', run.id);
    expect(Number(cost.total_cost_usd)).toBeGreaterThan(0);
  });

  it('refuses bad input and hides runs of other organizations', async () => {
    const { project, prompt, version } = await api.classification(2, 'Guarded', connection);
    await http()
      .post(api.runsOf(prompt, version))
      .set(owner.headers)
      .send({ project, project_subset: 'Everything' })
      .expect(400);
    await http().post(api.runsOf(prompt, version)).set(owner.headers).send({}).expect(400);
    const run = await api.start(prompt, version, { project, project_subset: 'Sample' });
    expect(run.total_tasks).toBe(2);
    await api.until(prompt, version, run.id);
    await http()
      .get(`${api.runsOf(prompt, version)}?ordering=secret`)
      .set(owner.headers)
      .expect(400);
    await http().get(api.runsOf(prompt, version)).set(stranger.headers).expect(404);
    await http()
      .post(`${api.runsOf(prompt, version)}/${run.id}/cancel`)
      .set(stranger.headers)
      .expect(404);
    await http().get(`/api/inference-runs/${run.id}/indicators/`).set(stranger.headers).expect(404);
    await http()
      .post('/api/model-run/batch-predictions')
      .set(stranger.headers)
      .send({ modelrun_id: run.id, results: [] })
      .expect(404);
    // the stranger's own prompt cannot run on the owner's project
    const strangerApi = runsApiOf(testApp, stranger);
    const theirs = (
      await strangerApi.prompt({
        title: 'Theirs',
        input_fields: ['text'],
        output_classes: ['Positive'],
      })
    ).id;
    const theirConnection = await strangerApi.connection({
      provider: 'OpenAI',
      api_key: 'sk-test-key',
    });
    const theirVersion = await strangerApi.version(theirs, {
      title: 'Theirs v1',
      prompt: '{text}',
      provider_model_id: 'gpt-4o',
      model_provider_connection: theirConnection,
    });
    await http()
      .post(api.runsOf(theirs, theirVersion))
      .set(stranger.headers)
      .send({ project })
      .expect(400);
  });
});
