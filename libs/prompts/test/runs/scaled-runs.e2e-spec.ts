import { OpenAiCompatibleServer } from '../support/openai-compatible-server';
import { describeScaled, ScaledDeployment, until } from '@ls/core/testing';

const CONFIG = `<View><Text name="text" value="$text"/>
  <Choices name="sentiment" toName="text"><Choice value="Positive"/><Choice value="Negative"/></Choices></View>`;
const TASKS = 300;

interface Run {
  id: number;
  status: string;
  total_tasks: number;
  total_predictions: number;
}

/**
 * Inference runs in scaled mode (built api and worker): the API queues the run, the worker
 * executes it; a worker killed mid-run is replaced and the run resumes where its stored outcomes
 * stop, storing no prediction twice.
 */
describeScaled('inference runs on the worker (e2e, scaled mode)', () => {
  let deployment: ScaledDeployment;
  let openai: OpenAiCompatibleServer;

  beforeAll(async () => {
    openai = await new OpenAiCompatibleServer().start();
    openai.latencyMs = 50;
    deployment = await ScaledDeployment.start('prompter', {
      SSRF_ALLOWED_NETWORKS: '127.0.0.1/32',
      LLM_OPENAI_BASE_URL: `${openai.url}/v1`,
      PROMPTS_CONCURRENCY: '4',
    });
  }, 60_000);

  afterAll(async () => {
    await deployment?.close();
    await openai?.close();
  });

  async function created(path: string, body: unknown): Promise<{ id: number }> {
    const answer = await deployment.call('POST', path, body);
    if (answer.status !== 201) {
      throw new Error(`${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
    }
    return answer.body as { id: number };
  }

  it('runs on the worker and resumes after the worker is killed, without duplicates', async () => {
    const project = await created('/api/projects/', { title: 'Scaled', label_config: CONFIG });
    const tasks = Array.from({ length: TASKS }, (_, n) => ({
      text: `Review ${n + 1}: ${n % 2 ? 'Negative' : 'Positive'}`,
    }));
    expect(
      (await deployment.call('POST', `/api/projects/${project.id}/import`, tasks)).status,
    ).toBe(201);
    const connection = await created('/api/model-provider-connections/', {
      provider: 'OpenAI',
      api_key: 'sk-test-key',
    });
    const prompt = await created('/api/prompts/', {
      title: 'Scaled',
      associated_projects: [project.id],
    });
    const version = await created(`/api/prompts/${prompt.id}/versions`, {
      title: 'Scaled v1',
      prompt: 'Classify: {text}',
      provider_model_id: 'gpt-4o',
      model_provider_connection: connection.id,
    });
    const base = `/api/prompts/${prompt.id}/versions/${version.id}/inference-runs`;
    const runOf = async (id: number) =>
      ((await deployment.call('GET', base)).body as Run[]).find((run) => run.id === id) as Run;
    const run = await created(base, { project: project.id });

    // no worker yet: the API process only queues the run
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect((await runOf(run.id)).status).toBe('Pending');
    expect(openai.callsTo('/chat/completions')).toHaveLength(0);

    const doomed = await deployment.startWorker();
    await until(
      () => runOf(run.id),
      (current) => current.total_predictions >= 40,
      30_000,
    );
    doomed.child.kill('SIGKILL');
    await doomed.exited;
    const predictionsOf = 'SELECT COUNT(*) AS n FROM prediction WHERE project_id = $1';
    const stored = await deployment.count(predictionsOf, project.id);
    expect(stored).toBeGreaterThanOrEqual(40);
    expect(stored).toBeLessThan(TASKS);
    const callsAtKill = openai.callsTo('/chat/completions').length;

    await deployment.startWorker();
    const done = await until(
      () => runOf(run.id),
      (current) => ['Completed', 'Failed', 'Canceled'].includes(current.status),
      120_000,
    );
    expect(done).toMatchObject({
      status: 'Completed',
      total_tasks: TASKS,
      total_predictions: TASKS,
    });
    expect(await deployment.count(predictionsOf, project.id)).toBe(TASKS);
    expect(
      await deployment.count(
        'SELECT COUNT(DISTINCT task_id) AS n FROM prediction WHERE project_id = $1',
        project.id,
      ),
    ).toBe(TASKS);
    expect(
      await deployment.count('SELECT COUNT(*) AS n FROM model_run_task WHERE run_id = $1', run.id),
    ).toBe(TASKS);
    expect(
      await deployment.count(
        'SELECT SUM(total_predictions) AS n FROM task WHERE project_id = $1',
        project.id,
      ),
    ).toBe(TASKS);
    // the resumed run asked only for what was not stored (and what was in flight at the kill)
    const resumedCalls = openai.callsTo('/chat/completions').length - callsAtKill;
    expect(resumedCalls).toBeLessThanOrEqual(TASKS - stored + 8);
  }, 180_000);
});
