import { createAccount, TestAccount } from '@ls/auth/testing';
import { TestApp } from '@ls/core/testing';
import { JobQueue } from '@ls/core';
import { PROMPTS_QUEUE, PROMPTS_RUN_JOB, RunRecovery } from '@ls/prompts';
import { defaultAnswer } from '../support/llm-test-server';
import { OpenAiCompatibleServer } from '../support/openai-compatible-server';
import { createPromptsApp } from '../prompts/support/prompts-api';
import { runsApiOf, sleep } from './support/runs-api';

/** What an inference run does when things go wrong: provider errors, cancel, budget, restarts. */
describe('inference runs: failures, cancel and resume (int)', () => {
  let testApp: TestApp;
  let owner: TestAccount;
  let api: ReturnType<typeof runsApiOf>;
  let openai: OpenAiCompatibleServer;
  let connection: number;
  const http = () => testApp.http();
  const classification = (count: number, title: string) =>
    api.classification(count, title, connection);

  beforeAll(async () => {
    openai = await new OpenAiCompatibleServer().start();
    testApp = await createPromptsApp({
      LLM_OPENAI_BASE_URL: `${openai.url}/v1`,
      PROMPTS_RETRY_BASE_MS: 50,
    });
    owner = await createAccount(testApp.app);
    api = runsApiOf(testApp, owner);
    connection = await api.connection({ provider: 'OpenAI', api_key: 'sk-test-key' });
  });

  afterEach(() => openai.reset());

  afterAll(async () => {
    await testApp.close();
    await openai.close();
  });

  it('honours Retry-After on a 429 and backs off on 500s', async () => {
    const { project, prompt, version } = await classification(1, 'Retry');
    openai.failNext({ status: 429, retryAfter: 1 });
    const run = await api.start(prompt, version, { project });
    expect((await api.until(prompt, version, run.id)).status).toBe('Completed');
    const calls = openai.callsTo('/chat/completions');
    expect(calls).toHaveLength(2);
    expect(calls[1].at - calls[0].at).toBeGreaterThanOrEqual(950);
    expect(
      await api.count('SELECT COUNT(*) AS n FROM prediction WHERE project_id = $1', project),
    ).toBe(1);

    openai.reset();
    openai.failNext({ status: 500, times: 10 });
    const failing = await api.start(prompt, version, { project });
    const ended = await api.until(prompt, version, failing.id);
    // PROMPTS_MAX_ATTEMPTS (5) tries, then the task counts as failed; its earlier prediction stays
    expect(openai.callsTo('/chat/completions')).toHaveLength(5);
    expect(ended).toMatchObject({ status: 'Completed', total_predictions: 0 });
    const [outcome] = await api.query(
      'SELECT error, prediction_id FROM model_run_task WHERE run_id = $1',
      failing.id,
    );
    expect(outcome).toMatchObject({ error: 'Injected 500', prediction_id: null });
  });

  it('cancel stops the run within seconds and keeps what was stored', async () => {
    const { project, prompt, version } = await classification(200, 'Cancel');
    openai.latencyMs = 100;
    const run = await api.start(prompt, version, { project });
    await api.until(prompt, version, run.id, (current) => current.total_predictions >= 8);
    const cancelled = await http()
      .post(`${api.runsOf(prompt, version)}/${run.id}/cancel`)
      .set(owner.headers)
      .expect(200);
    expect(cancelled.body.detail).toMatch(/cancelled/);
    await sleep(1500);
    const callsAfterGrace = openai.callsTo('/chat/completions').length;
    await sleep(1500);
    expect(openai.callsTo('/chat/completions')).toHaveLength(callsAfterGrace);
    expect(callsAfterGrace).toBeLessThan(200);
    const after = await api.run(prompt, version, run.id);
    expect(after.status).toBe('Canceled');
    const stored = await api.count(
      'SELECT COUNT(*) AS n FROM prediction WHERE project_id = $1',
      project,
    );
    expect(stored).toBe(after.total_predictions);
    expect(stored).toBeGreaterThanOrEqual(8);
    expect(stored).toBeLessThan(200);
    const again = await http()
      .post(`${api.runsOf(prompt, version)}/${run.id}/cancel`)
      .set(owner.headers)
      .expect(400);
    expect(again.body.detail).toMatch(/Canceled/);
  });

  it('a spent budget fails the run with the error; an exhausted one refuses new runs', async () => {
    const limited = await api.connection({ provider: 'OpenAI', api_key: 'sk-test-key' });
    const { project, prompt } = await classification(100, 'Budget');
    const version = await api.version(prompt, {
      title: 'Budget limited',
      prompt: 'Classify the sentiment of this text: {text}',
      provider_model_id: 'gpt-4o',
      model_provider_connection: limited,
    });
    // about ten calls' worth
    await api.query(
      'UPDATE model_provider_connection SET budget_limit = $1 WHERE id = $2',
      0.0005,
      limited,
    );
    const run = await api.start(prompt, version, { project });
    const ended = await api.until(prompt, version, run.id);
    expect(ended.status).toBe('Failed');
    expect(ended.total_predictions).toBeGreaterThan(0);
    expect(ended.total_predictions).toBeLessThan(100);
    const [row] = await api.query('SELECT error_message FROM model_run WHERE id = $1', run.id);
    expect(row.error_message).toMatch(/budget of model provider connection \d+ is exhausted/);
    const indicator = await http()
      .get(`/api/inference-runs/${run.id}/indicators/predictions`)
      .set(owner.headers)
      .expect(200);
    expect(indicator.body.values.error).toBe(row.error_message);
    expect(
      await api.count('SELECT COUNT(*) AS n FROM prediction WHERE project_id = $1', project),
    ).toBe(ended.total_predictions);
    const refused = await http()
      .post(api.runsOf(prompt, version))
      .set(owner.headers)
      .send({ project })
      .expect(400);
    expect(refused.body.detail).toMatch(/exhausted/);
  });

  it('an answer with a label outside the config fails that task and stores nothing for it', async () => {
    const { project, tasks, prompt, version } = await classification(10, 'Invalid');
    openai.answer = (text, schema) =>
      text.includes('Review 4:') || text.includes('Review 7:')
        ? JSON.stringify({ label: 'Neutral' })
        : defaultAnswer(text, schema);
    const run = await api.start(prompt, version, { project });
    const ended = await api.until(prompt, version, run.id);
    expect(ended).toMatchObject({ status: 'Completed', total_tasks: 10, total_predictions: 8 });
    const failed = await api.query(
      'SELECT task_id, error FROM model_run_task WHERE run_id = $1 AND prediction_id IS NULL ORDER BY task_id',
      run.id,
    );
    expect(failed.map((row) => Number(row.task_id))).toEqual([tasks[3], tasks[6]]);
    expect(failed[0].error).toMatch(/"Neutral", not one of the config's: Positive, Negative/);
    expect(
      await api.count(
        'SELECT COUNT(*) AS n FROM prediction WHERE task_id IN ($1, $2)',
        tasks[3],
        tasks[6],
      ),
    ).toBe(0);
    const failures = await http()
      .get(`/api/inference-runs/${run.id}/indicators/failures`)
      .set(owner.headers)
      .expect(200);
    expect(failures.body.values.count).toBe(2);
  });

  it('a run left open by a stopped process resumes from its stored outcomes', async () => {
    const { project, tasks, prompt, version } = await classification(10, 'Resume');
    await api.query(
      `INSERT INTO model_run (organization_id, prompt_id, version_id, project_id, status,
        project_subset, total_tasks, total_failed_predictions) VALUES ($1, $2, $3, $4, 'InProgress', 'All', 10, 4)`,
      owner.organizationId,
      prompt,
      version,
      project,
    );
    const [{ id }] = await api.query('SELECT MAX(id) AS id FROM model_run');
    const run = Number(id);
    for (const task of tasks.slice(0, 4)) {
      await api.query(
        'INSERT INTO model_run_task (run_id, task_id, error, cost_usd) VALUES ($1, $2, $3, 0)',
        run,
        task,
        'before the restart',
      );
    }
    // embedded mode queues it again at startup; in scaled mode Bull re-delivers the job
    const queue = testApp.app.get(JobQueue);
    if (queue.mode === 'in-process') await testApp.app.get(RunRecovery).onApplicationBootstrap();
    else await queue.enqueue(PROMPTS_QUEUE, PROMPTS_RUN_JOB, { runId: run });
    const ended = await api.until(prompt, version, run);
    expect(ended).toMatchObject({ status: 'Completed', total_predictions: 6 });
    expect(openai.callsTo('/chat/completions')).toHaveLength(6);
    expect(await api.count('SELECT COUNT(*) AS n FROM model_run_task WHERE run_id = $1', run)).toBe(
      10,
    );
    expect(
      await api.count('SELECT COUNT(*) AS n FROM prediction WHERE project_id = $1', project),
    ).toBe(6);
  });
});
