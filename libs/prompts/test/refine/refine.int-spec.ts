import { createAccount, TestAccount } from '@ls/auth/testing';
import { TestApp } from '@ls/core/testing';
import { costOf } from '@ls/prompts';
import { OpenAiCompatibleServer } from '../support/openai-compatible-server';
import { promptOf, tokensOf } from '../support/llm-test-server';
import { createPromptsApp } from '../prompts/support/prompts-api';
import { buildLlmWorld, TEMPLATE } from '../cost/support/llm-world';
import { improvedTemplate, teacher } from './support/teacher';

const MISTAKES: [string, string][] = [
  ['Positive', 'Negative'],
  ['Negative', 'Positive'],
];

/** `POST/GET /api/prompts/{p}/versions/{v}/refine`: a teacher model rewrites a version. */
describe('prompt refinement (int)', () => {
  let testApp: TestApp;
  let owner: TestAccount;
  let stranger: TestAccount;
  let openai: OpenAiCompatibleServer;
  let world: Awaited<ReturnType<typeof buildLlmWorld>>;
  let texts: string[];
  const http = () => testApp.http();

  beforeAll(async () => {
    openai = await new OpenAiCompatibleServer().start();
    testApp = await createPromptsApp({ LLM_OPENAI_BASE_URL: `${openai.url}/v1` });
    owner = await createAccount(testApp.app);
    stranger = await createAccount(testApp.app);
    world = await buildLlmWorld(testApp, owner);
    texts = ['Loved it', 'Broke on day one', 'Exceeded my hopes', 'Never again', 'Fine I guess'];
    const tasks = await world.tasks(texts);
    const truths = ['Positive', 'Negative', 'Positive', 'Negative'];
    const predictions = ['Positive', 'Positive', 'Negative', 'Negative', 'Positive'];
    for (const [index, label] of truths.entries()) await world.groundTruth(tasks[index], label);
    for (const [index, label] of predictions.entries()) await world.prediction(tasks[index], label);
    // another version's prediction on a ground truth task is no mistake of this one
    await world.prediction(tasks[0], 'Negative', 'Other version');
  });

  afterAll(async () => {
    await testApp.close();
    await openai.close();
  });

  beforeEach(() => {
    openai.reset();
    openai.answer = teacher();
  });

  const base = () => `/api/prompts/${world.prompt}/versions/${world.version.id}/refine`;
  const body = (changes: Record<string, unknown> = {}) => ({
    teacher_model_provider_connection_id: world.connection,
    teacher_model_name: 'gpt-4o',
    project_id: world.project,
    ...changes,
  });
  const refine = (changes: Record<string, unknown> = {}, query = '', account = owner) =>
    http().post(`${base()}${query}`).set(account.headers).send(body(changes));
  const spent = async () =>
    Number(
      (
        await world.api.query(
          'SELECT budget_total_spent FROM model_provider_connection WHERE id = $1',
          world.connection,
        )
      )[0].budget_total_spent,
    );
  const versionCount = () =>
    world.api.count(
      'SELECT COUNT(*) AS n FROM third_party_model_version WHERE parent_model_id = $1',
      world.prompt,
    );
  /** What the teacher's calls cost, from the tokens the test server reported. */
  const costOfCalls = () =>
    openai.callsTo('/chat/completions').reduce((sum, call) => {
      const prompt = promptOf((call.body as { messages: unknown }).messages);
      const answer = teacher()(prompt, null);
      return sum + (costOf('gpt-4o', tokensOf(prompt), tokensOf(answer)) ?? NaN);
    }, 0);

  it('rewrites the version from its mistakes into a new version, its cost on the teacher', async () => {
    const before = await spent();
    const response = await refine().expect(201);
    const calls = openai.callsTo('/chat/completions');
    expect(calls).toHaveLength(1);
    const sent = calls[0].body as { messages: unknown; response_format: { type: string } };
    expect(sent.response_format.type).toBe('json_schema');
    const prompt = promptOf(sent.messages);
    // the two mistaken tasks, not the right ones nor the one without ground truth
    for (const text of [texts[1], texts[2]]) expect(prompt).toContain(text);
    for (const text of [texts[0], texts[3], texts[4]]) expect(prompt).not.toContain(text);

    const cost = costOfCalls();
    expect(cost).toBeGreaterThan(0);
    expect(response.body).toEqual({
      title: 'Sentiment v2',
      prompt: improvedTemplate(TEMPLATE, MISTAKES),
      reasoning: 'Fixed 2 mistakes.',
      refinement_job_id: expect.any(String),
      refinement_status: 'Completed',
      total_cost: cost.toFixed(6),
      previous_version: expect.objectContaining({ id: world.version.id, title: 'Sentiment v1' }),
    });
    expect((await spent()) - before).toBeCloseTo(cost, 10);

    const [version] = await world.api.query(
      `SELECT id, prompt, provider, provider_model_id, model_provider_connection_id, created_by_id
        FROM third_party_model_version WHERE parent_model_id = $1 AND title = $2`,
      world.prompt,
      'Sentiment v2',
    );
    expect({ ...version, id: undefined }).toEqual({
      id: undefined,
      prompt: improvedTemplate(TEMPLATE, MISTAKES),
      provider: 'OpenAI',
      provider_model_id: 'gpt-4o',
      model_provider_connection_id: world.connection,
      created_by_id: owner.userId,
    });
    const [row] = await world.api.query(
      'SELECT status, refined_version_id, total_cost, error FROM prompt_refinement WHERE job_id = $1',
      response.body.refinement_job_id,
    );
    expect({ ...row, refined_version_id: Number(row.refined_version_id) }).toEqual({
      status: 'Completed',
      refined_version_id: Number(version.id),
      total_cost: expect.closeTo(cost, 10),
      error: null,
    });
    const again = await http()
      .get(base())
      .query({ refinement_job_id: response.body.refinement_job_id })
      .set(owner.headers)
      .expect(200);
    expect(again.body).toEqual(response.body);
  });

  it('runs asynchronously: 202 while the teacher thinks, then 200 with the new version', async () => {
    openai.latencyMs = 400;
    const started = await refine({}, '?async=true').expect(201);
    expect(started.body).toMatchObject({ prompt: '', title: null, total_cost: null });
    expect(['Pending', 'Running']).toContain(started.body.refinement_status);
    const poll = () =>
      http()
        .get(base())
        .query({ refinement_job_id: started.body.refinement_job_id })
        .set(owner.headers);
    expect((await poll()).status).toBe(202);
    let done = await poll();
    for (let tries = 0; done.status === 202 && tries < 100; tries += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      done = await poll();
    }
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({
      title: 'Sentiment v3',
      prompt: improvedTemplate(TEMPLATE, MISTAKES),
      refinement_status: 'Completed',
      total_cost: costOfCalls().toFixed(6),
    });
    expect(
      await world.api.count(
        'SELECT COUNT(*) AS n FROM third_party_model_version WHERE parent_model_id = $1 AND title = $2',
        world.prompt,
        'Sentiment v3',
      ),
    ).toBe(1);
  });

  it('sends a template with a bad placeholder back once, then takes the fixed one', async () => {
    openai.answer = teacher(['Classify {body}']);
    const response = await refine().expect(201);
    const calls = openai.callsTo('/chat/completions');
    expect(calls).toHaveLength(2);
    expect(promptOf((calls[1].body as { messages: unknown }).messages)).toContain(
      'The prompt uses the placeholder {body}, which is not among the input fields (text).',
    );
    expect(response.body.prompt).toBe(improvedTemplate(TEMPLATE, MISTAKES));
  });

  it('fails with a clear error when the teacher twice names an unknown field', async () => {
    openai.answer = teacher(['Classify {body}', 'Classify {review}']);
    const versions = await versionCount();
    const before = await spent();
    const response = await refine().expect(424);
    expect(response.body.detail).toBe(
      'The teacher model gave no usable prompt in 2 tries: The prompt uses the placeholder {review}, which is not among the input fields (text).',
    );
    expect(openai.callsTo('/chat/completions')).toHaveLength(2);
    expect(await versionCount()).toBe(versions);
    // both calls were paid for
    expect(await spent()).toBeGreaterThan(before);
    const [row] = await world.api.query(
      `SELECT status, error, refined_version_id FROM prompt_refinement ORDER BY id DESC LIMIT 1`,
    );
    expect(row).toEqual({
      status: 'Failed',
      error: response.body.detail,
      refined_version_id: null,
    });

    // asynchronously the same failure is the refinement's answer
    openai.answer = teacher(['{body}', '{body}']);
    const started = await refine({}, '?async=true').expect(201);
    let done;
    for (let tries = 0; tries < 100; tries += 1) {
      done = await http()
        .get(base())
        .query({ refinement_job_id: started.body.refinement_job_id })
        .set(owner.headers);
      if (done.status === 200) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(done?.body).toMatchObject({ refinement_status: 'Failed', prompt: '', title: null });
    expect(done?.body.reasoning).toContain('The teacher model gave no usable prompt in 2 tries');
  });

  it('refuses with 400 and the budget message when the teacher connection is spent', async () => {
    await world.api.query(
      'UPDATE model_provider_connection SET budget_limit = $1, budget_total_spent = $2 WHERE id = $3',
      0.5,
      0.75,
      world.connection,
    );
    try {
      const rows = await world.api.count('SELECT COUNT(*) AS n FROM prompt_refinement');
      const response = await refine().expect(400);
      expect(response.body.detail).toBe(
        `The budget of model provider connection ${world.connection} is exhausted: $0.7500 spent of a $0.50 limit for this period.`,
      );
      expect(openai.callsTo('/chat/completions')).toHaveLength(0);
      expect(await world.api.count('SELECT COUNT(*) AS n FROM prompt_refinement')).toBe(rows);
    } finally {
      await world.api.query(
        'UPDATE model_provider_connection SET budget_limit = NULL WHERE id = $1',
        world.connection,
      );
    }
  });

  it('checks the request: fields, the teacher connection and model, the project', async () => {
    const theirs = await buildLlmWorld(testApp, stranger, 'Theirs');
    const foreign = await refine({
      teacher_model_provider_connection_id: theirs.connection,
    }).expect(400);
    expect(foreign.body.validation_errors.teacher_model_provider_connection_id[0]).toBe(
      `Invalid pk "${theirs.connection}" - object does not exist.`,
    );
    const model = await refine({ teacher_model_name: 'gpt-9' }).expect(400);
    expect(model.body.validation_errors.teacher_model_name[0]).toContain('"gpt-9" is not a model');
    const project = await refine({ project_id: theirs.project }).expect(400);
    expect(project.body.validation_errors).toHaveProperty('project_id');
    const missing = await http().post(base()).set(owner.headers).send({}).expect(400);
    expect(Object.keys(missing.body.validation_errors).sort()).toEqual([
      'project_id',
      'teacher_model_name',
      'teacher_model_provider_connection_id',
    ]);
    await http().get(base()).set(owner.headers).expect(400);
    await http().get(base()).query({ refinement_job_id: 'nope' }).set(owner.headers).expect(404);
    expect(openai.callsTo('/chat/completions')).toHaveLength(0);
  });

  it("answers 404 for another organization's prompt, version or refinement", async () => {
    const done = await refine().expect(201);
    await refine({}, '', stranger).expect(404);
    await http()
      .get(base())
      .query({ refinement_job_id: done.body.refinement_job_id })
      .set(stranger.headers)
      .expect(404);
    const theirs = await buildLlmWorld(testApp, stranger, 'Theirs too');
    await http()
      .post(`/api/prompts/${theirs.prompt}/versions/${theirs.version.id}/refine`)
      .set(owner.headers)
      .send(body())
      .expect(404);
  });
});
