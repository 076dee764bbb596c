import { createOrFail, sendJson } from '../load/http-json';

const LABEL_CONFIG =
  '<View><Text name="text" value="$text"/><Choices name="sentiment" toName="text">' +
  '<Choice value="Positive"/><Choice value="Negative"/></Choices></View>';
const IMPORT_CHUNK = 1000;

export interface PromptRunTarget {
  runs: string;
  project: number;
}

/**
 * A project of `tasks` reviews (imported in chunks), an OpenAI connection on the fake provider,
 * a prompt on the project and a version on gpt-4o: where the bench starts its runs.
 */
export async function preparePromptRun(
  baseUrl: string,
  headers: Record<string, string>,
  tasks: number,
): Promise<PromptRunTarget> {
  const project = await createOrFail<{ id: number }>(
    baseUrl,
    '/api/projects/',
    { title: 'Prompt bench', label_config: LABEL_CONFIG },
    headers,
  );
  for (let start = 0; start < tasks; start += IMPORT_CHUNK) {
    const items = Array.from({ length: Math.min(IMPORT_CHUNK, tasks - start) }, (_, n) => ({
      text: `Review ${start + n + 1}: ${(start + n) % 3 ? 'Positive' : 'Negative'} overall`,
    }));
    await createOrFail(baseUrl, `/api/projects/${project.id}/import`, items, headers);
  }
  const connection = await createOrFail<{ id: number }>(
    baseUrl,
    '/api/model-provider-connections/',
    { provider: 'OpenAI', api_key: 'sk-bench' },
    headers,
  );
  const prompt = await createOrFail<{ id: number }>(
    baseUrl,
    '/api/prompts/',
    { title: 'Bench prompt', associated_projects: [project.id] },
    headers,
  );
  const version = await createOrFail<{ id: number }>(
    baseUrl,
    `/api/prompts/${prompt.id}/versions`,
    {
      title: 'Bench v1',
      prompt: 'Classify the sentiment of: {text}',
      provider_model_id: 'gpt-4o',
      model_provider_connection: connection.id,
    },
    headers,
  );
  return {
    runs: `/api/prompts/${prompt.id}/versions/${version.id}/inference-runs`,
    project: project.id,
  };
}

export interface FinishedRun {
  status: string;
  total_tasks: number;
  total_predictions: number;
  triggered_at: string | null;
  completed_at: string | null;
}

/** Polls the runs list every 200 ms until run `id` has finished. */
export async function waitForRun(
  baseUrl: string,
  headers: Record<string, string>,
  runs: string,
  id: number,
  timeoutMs: number,
): Promise<FinishedRun> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const listed = await sendJson(baseUrl, { method: 'GET', path: runs, headers });
    const run = (JSON.parse(listed.body) as (FinishedRun & { id: number })[]).find(
      (candidate) => candidate.id === id,
    );
    if (run && ['Completed', 'Failed', 'Canceled'].includes(run.status)) return run;
    if (Date.now() > deadline) throw new Error(`run ${id} unfinished: ${JSON.stringify(run)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
