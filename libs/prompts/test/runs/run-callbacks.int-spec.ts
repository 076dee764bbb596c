import { createAccount, TestAccount } from '@ls/auth/testing';
import { TestApp } from '@ls/core/testing';
import { OpenAiCompatibleServer } from '../support/openai-compatible-server';
import {
  CLASSIFICATION_CONFIG,
  createPromptsApp,
  NER_CONFIG,
} from '../prompts/support/prompts-api';
import { runsApiOf } from './support/runs-api';

const NER_TEXTS = ['Alice joined Acme in May.', 'Bob left Globex.', 'Carol met Dave at Initech.'];

/** NER runs (span offsets checked) and results pushed from outside (`/api/model-run/…`). */
describe('NER runs and model-run callbacks (int)', () => {
  let testApp: TestApp;
  let owner: TestAccount;
  let api: ReturnType<typeof runsApiOf>;
  let openai: OpenAiCompatibleServer;
  let connection: number;
  const http = () => testApp.http();

  beforeAll(async () => {
    openai = await new OpenAiCompatibleServer().start();
    testApp = await createPromptsApp({ LLM_OPENAI_BASE_URL: `${openai.url}/v1` });
    owner = await createAccount(testApp.app);
    api = runsApiOf(testApp, owner);
    connection = await api.connection({ provider: 'OpenAI', api_key: 'sk-test-key' });
  });

  afterEach(() => openai.reset());

  afterAll(async () => {
    await testApp.close();
    await openai.close();
  });

  /** Spans of the capitalised names after the first word, labelled PER (or ORG for companies). */
  function spansOf(text: string) {
    const spans: { start: number; end: number; text: string; label: string }[] = [];
    for (const match of text.matchAll(/\b(Alice|Bob|Carol|Dave|Acme|Globex|Initech)\b/g)) {
      const label = ['Acme', 'Globex', 'Initech'].includes(match[0]) ? 'ORG' : 'PER';
      spans.push({ start: match.index, end: match.index + match[0].length, text: match[0], label });
    }
    return spans;
  }

  it('stores NER spans that match the text and fails a task whose offsets do not', async () => {
    const project = await api.project(NER_CONFIG, 'Entities');
    const tasks = await api.tasks(
      project,
      NER_TEXTS.map((text) => ({ text })),
    );
    const prompt = (
      await api.prompt({
        title: 'Entities',
        skill_name: 'NamedEntityRecognition',
        associated_projects: [project],
      })
    ).id;
    const version = await api.version(prompt, {
      title: 'Entities v1',
      prompt: 'Find the people and organizations in: {text}',
      provider_model_id: 'gpt-4o',
      model_provider_connection: connection,
    });
    openai.answer = (prompt, schema) => {
      const entities = schema?.properties as Record<string, unknown>;
      expect(entities).toHaveProperty('entities');
      const text = NER_TEXTS.find((candidate) => prompt.includes(candidate)) as string;
      const spans = spansOf(text);
      // Bob's span is one character off: its text no longer matches the offsets
      if (text.startsWith('Bob')) spans[0] = { ...spans[0], start: 1, end: 4 };
      return JSON.stringify({ entities: spans });
    };
    const run = await api.start(prompt, version, { project });
    const ended = await api.until(prompt, version, run.id);
    expect(ended).toMatchObject({ status: 'Completed', total_tasks: 3, total_predictions: 2 });
    const rows = await api.query(
      'SELECT task_id, result FROM prediction WHERE project_id = $1 ORDER BY task_id',
      project,
    );
    expect(rows.map((row) => Number(row.task_id))).toEqual([tasks[0], tasks[2]]);
    const first =
      typeof rows[0].result === 'string' ? JSON.parse(rows[0].result as string) : rows[0].result;
    expect(first).toEqual([
      expect.objectContaining({
        from_name: 'label',
        to_name: 'text',
        type: 'labels',
        value: { start: 0, end: 5, text: 'Alice', labels: ['PER'] },
      }),
      expect.objectContaining({
        value: { start: 13, end: 17, text: 'Acme', labels: ['ORG'] },
      }),
    ]);
    const [failed] = await api.query(
      'SELECT task_id, error FROM model_run_task WHERE run_id = $1 AND prediction_id IS NULL',
      run.id,
    );
    expect(Number(failed.task_id)).toBe(tasks[1]);
    expect(failed.error).toBe('Entity 0: "Bob" is not the text at 1-4 ("ob ").');
  });

  it('takes batches of results and failures for an external run and completes it', async () => {
    const project = await api.project(CLASSIFICATION_CONFIG, 'Pushed');
    const tasks = await api.tasks(
      project,
      [1, 2, 3, 4].map((n) => ({ text: `Item ${n}` })),
    );
    const other = await api.project(CLASSIFICATION_CONFIG, 'Elsewhere');
    const [foreignTask] = await api.tasks(other, [{ text: 'Not this one' }]);
    const prompt = (await api.prompt({ title: 'Pushed', associated_projects: [project] })).id;
    const version = await api.version(prompt, {
      title: 'Pushed v1',
      prompt: '{text}',
      provider_model_id: 'gpt-4o',
      model_provider_connection: connection,
    });
    const run = await api.start(prompt, version, { project, job_id: 'adala-42' });
    expect(run).toMatchObject({ status: 'Pending', job_id: 'adala-42', total_tasks: 4 });

    // a task of another project: 400, nothing written
    const refused = await http()
      .post('/api/model-run/batch-predictions')
      .set(owner.headers)
      .send({
        modelrun_id: run.id,
        results: [{ task_id: foreignTask, output: { label: 'Positive' } }],
      })
      .expect(400);
    expect(refused.body.validation_errors.results[0]).toMatch(/not tasks of the run's project/);
    await http()
      .post('/api/model-run/batch-predictions')
      .set(owner.headers)
      .send({ modelrun_id: run.id, results: [{ output: 'x' }] })
      .expect(400);
    expect(
      await api.count('SELECT COUNT(*) AS n FROM model_run_task WHERE run_id = $1', run.id),
    ).toBe(0);

    const pushed = await http()
      .post('/api/model-run/batch-predictions?num_predictions=2')
      .set(owner.headers)
      .send({
        modelrun_id: run.id,
        job_id: 'adala-42',
        results: [
          { task_id: tasks[0], output: { label: 'Positive' } },
          {
            task_id: tasks[1],
            result: [
              {
                from_name: 'sentiment',
                to_name: 'text',
                type: 'choices',
                value: { choices: ['Negative'] },
              },
            ],
          },
          { task_id: tasks[2], output: { label: 'Neutral' } },
        ],
      })
      .expect(201);
    expect(pushed.body.job_id).toBe('adala-42');
    expect(pushed.body.results.map((item: { stored: boolean }) => item.stored)).toEqual([
      true,
      true,
      false,
    ]);
    // pushed twice: nothing stored twice
    await http()
      .post('/api/model-run/batch-predictions')
      .set(owner.headers)
      .send({
        modelrun_id: run.id,
        results: [{ task_id: tasks[0], output: { label: 'Negative' } }],
      })
      .expect(201);
    expect(
      await api.count('SELECT COUNT(*) AS n FROM prediction WHERE project_id = $1', project),
    ).toBe(2);
    let current = await api.run(prompt, version, run.id);
    expect(current).toMatchObject({ status: 'InProgress', total_predictions: 2 });

    await http()
      .post('/api/model-run/batch-failed-predictions?num_failed_predictions=1')
      .set(owner.headers)
      .send({ modelrun_id: run.id, failed_predictions: [{ task_id: tasks[3], error: 'Timeout' }] })
      .expect(201);
    current = await api.run(prompt, version, run.id);
    expect(current).toMatchObject({ status: 'Completed', total_predictions: 2 });
    const errors = await api.query(
      'SELECT task_id, error FROM model_run_task WHERE run_id = $1 AND prediction_id IS NULL ORDER BY task_id',
      run.id,
    );
    expect(errors.map((row) => [Number(row.task_id), row.error])).toEqual([
      [tasks[2], expect.stringMatching(/"Neutral"/)],
      [tasks[3], 'Timeout'],
    ]);
    const indicator = await http()
      .get(`/api/inference-runs/${run.id}/indicators/predictions`)
      .set(owner.headers)
      .expect(200);
    expect(indicator.body).toEqual({
      title: 'Predictions',
      values: expect.objectContaining({
        total_tasks: 4,
        total_predictions: 2,
        failed: 2,
        pending: 0,
      }),
    });
    await http()
      .post('/api/model-run/batch-predictions')
      .set(owner.headers)
      .send({ modelrun_id: 999999, results: [] })
      .expect(404);
  });

  it('a cancelled run ignores late batches', async () => {
    const project = await api.project(CLASSIFICATION_CONFIG, 'Late');
    const [task] = await api.tasks(project, [{ text: 'Late one' }]);
    const prompt = (await api.prompt({ title: 'Late', associated_projects: [project] })).id;
    const version = await api.version(prompt, {
      title: 'Late v1',
      prompt: '{text}',
      provider_model_id: 'gpt-4o',
      model_provider_connection: connection,
    });
    const run = await api.start(prompt, version, { project, job_id: 'adala-late' });
    await http()
      .post(`${api.runsOf(prompt, version)}/${run.id}/cancel`)
      .set(owner.headers)
      .expect(200);
    const late = await http()
      .post('/api/model-run/batch-predictions')
      .set(owner.headers)
      .send({ modelrun_id: run.id, results: [{ task_id: task, output: { label: 'Positive' } }] })
      .expect(201);
    expect(late.body).toEqual({ job_id: 'adala-late', results: [] });
    expect(
      await api.count('SELECT COUNT(*) AS n FROM prediction WHERE project_id = $1', project),
    ).toBe(0);
    expect((await api.run(prompt, version, run.id)).status).toBe('Canceled');
  });
});
