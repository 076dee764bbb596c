import { getEncoding } from 'js-tiktoken';
import { createAccount, TestAccount } from '@ls/auth/testing';
import { TestApp } from '@ls/core/testing';
import { priceOf } from '@ls/prompts';
import { OpenAiCompatibleServer } from '../support/openai-compatible-server';
import { createPromptsApp, NER_CONFIG } from '../prompts/support/prompts-api';
import { buildLlmWorld, TEMPLATE } from './support/llm-world';

/** The figures README.md documents: a call's framing, a classification answer's JSON, NER spans. */
const MESSAGE_OVERHEAD = 7;
const ANSWER_OVERHEAD = 5;
const SPAN_TOKENS = 18;
const TEXT_TOKENS_PER_SPAN = 25;

const o200k = getEncoding('o200k_base');
const tokens = (text: string) => o200k.encode(text, [], []).length;
const gpt4o = priceOf('gpt-4o');

/** The estimate computed here from the tokenizer and the price table. */
function expected(inputTokens: number, outputTokens: number) {
  if (!gpt4o) throw new Error('gpt-4o has no price');
  const prompt = (inputTokens * gpt4o.inputPerMillion) / 1_000_000;
  const completion = (outputTokens * gpt4o.outputPerMillion) / 1_000_000;
  return {
    prompt_cost_usd: prompt.toFixed(6),
    completion_cost_usd: completion.toFixed(6),
    total_cost_usd: (prompt + completion).toFixed(6),
    is_error: false,
    error_type: null,
    error_message: null,
  };
}

const classification = (texts: string[]) => {
  const label = Math.max(tokens('Positive'), tokens('Negative'));
  const input = texts.reduce(
    (sum, text) => sum + tokens(TEMPLATE.replace('{text}', text)) + MESSAGE_OVERHEAD,
    0,
  );
  return { input, output: texts.length * (label + ANSWER_OVERHEAD) };
};

/** `GET /api/prompts/{p}/versions/{v}/cost-estimate?project=&project_subset=`. */
describe('prompt version cost estimate (int)', () => {
  let testApp: TestApp;
  let owner: TestAccount;
  let stranger: TestAccount;
  let openai: OpenAiCompatibleServer;
  let world: Awaited<ReturnType<typeof buildLlmWorld>>;
  let texts: string[];
  let taskIds: number[];

  beforeAll(async () => {
    openai = await new OpenAiCompatibleServer().start();
    testApp = await createPromptsApp({ LLM_OPENAI_BASE_URL: `${openai.url}/v1` });
    owner = await createAccount(testApp.app);
    stranger = await createAccount(testApp.app);
    world = await buildLlmWorld(testApp, owner);
    texts = Array.from(
      { length: 25 },
      (_, n) =>
        `Review ${n}: ${'great value, fast delivery; '.repeat(n % 4)}` +
        (n === 3 ? 'a literal <|endoftext|> marker' : 'é ünïcode 漢字 🙂'),
    );
    taskIds = await world.tasks(texts);
  });

  afterAll(async () => {
    await testApp.close();
    await openai.close();
  });

  const estimate = (query: Record<string, unknown>, account = owner, version = world.version.id) =>
    testApp
      .http()
      .get(`/api/prompts/${world.prompt}/versions/${version}/cost-estimate`)
      .query(query)
      .set(account.headers);

  it('prices every task of the project (All) with the tokenizer and the price table', async () => {
    const response = await estimate({ project: world.project }).expect(200);
    const counted = classification(texts);
    expect(response.body).toEqual(expected(counted.input, counted.output));
    expect(Number(response.body.total_cost_usd)).toBeGreaterThan(0);
    // no model was called to estimate
    expect(openai.callsTo('/chat/completions')).toHaveLength(0);
  });

  it('prices the first 20 tasks for Sample and the ground truth tasks for HasGT', async () => {
    const sample = await estimate({ project: world.project, project_subset: 'Sample' }).expect(200);
    const first20 = classification(texts.slice(0, 20));
    expect(sample.body).toEqual(expected(first20.input, first20.output));

    await world.groundTruth(taskIds[2], 'Positive');
    await world.groundTruth(taskIds[7], 'Negative');
    const hasGt = await estimate({ project: world.project, project_subset: 'HasGT' }).expect(200);
    const truth = classification([texts[2], texts[7]]);
    expect(hasGt.body).toEqual(expected(truth.input, truth.output));
  });

  it('answers is_error for a model without a known price', async () => {
    const version = await world.api
      .createVersion(world.prompt, {
        title: 'Mystery',
        prompt: TEMPLATE,
        provider: 'Custom',
        provider_model_id: 'mystery-model-7b',
      })
      .expect(201);
    const response = await estimate({ project: world.project }, owner, version.body.id).expect(200);
    expect(response.body).toEqual({
      prompt_cost_usd: null,
      completion_cost_usd: null,
      total_cost_usd: null,
      is_error: true,
      error_type: 'Unknown Model Price',
      error_message:
        'No price is known for the model "mystery-model-7b", so the cost cannot be estimated.',
    });
  });

  it('estimates NER answers as spans over the text', async () => {
    const project = await world.api.project(NER_CONFIG, 'Entities');
    const prompt = await world.api.prompt({
      title: 'Entities',
      skill_name: 'NamedEntityRecognition',
      associated_projects: [project],
    });
    const template = 'Find people and organizations in: {text}';
    const version = await world.api
      .createVersion(prompt.id, {
        title: 'Entities v1',
        prompt: template,
        provider_model_id: 'gpt-4o',
      })
      .expect(201);
    const nerTexts = [
      'Ada Lovelace met Charles Babbage at the Royal Society. '.repeat(6),
      'Short.',
    ];
    await world.tasks(nerTexts, project);
    const response = await testApp
      .http()
      .get(`/api/prompts/${prompt.id}/versions/${version.body.id}/cost-estimate`)
      .query({ project })
      .set(owner.headers)
      .expect(200);
    const label = Math.max(tokens('PER'), tokens('ORG'));
    let input = 0;
    let output = 0;
    for (const text of nerTexts) {
      input += tokens(template.replace('{text}', text)) + MESSAGE_OVERHEAD;
      output += Math.max(1, Math.ceil(tokens(text) / TEXT_TOKENS_PER_SPAN)) * (SPAN_TOKENS + label);
    }
    expect(response.body).toEqual(expected(input, output));
  });

  it('extrapolates beyond the 2,000 tasks it tokenizes', async () => {
    const project = await world.api.project(undefined, 'Large');
    const prompt = await world.api.prompt({ title: 'Large', associated_projects: [project] });
    const version = await world.api
      .createVersion(prompt.id, {
        title: 'Large v1',
        prompt: TEMPLATE,
        provider_model_id: 'gpt-4o',
      })
      .expect(201);
    const many = Array.from({ length: 2_500 }, (_, n) => `Item ${n} ${'ok '.repeat(n % 5)}`);
    await world.tasks(many, project);
    const response = await testApp
      .http()
      .get(`/api/prompts/${prompt.id}/versions/${version.body.id}/cost-estimate`)
      .query({ project })
      .set(owner.headers)
      .expect(200);
    const counted = classification(many.slice(0, 2_000));
    const scale = 2_500 / 2_000;
    expect(response.body).toEqual(
      expected(Math.round(counted.input * scale), Math.round(counted.output * scale)),
    );
  });

  it('refuses a missing, unknown or unseen project and a bad subset with 400', async () => {
    const missing = await estimate({}).expect(400);
    expect(missing.body.validation_errors).toHaveProperty('project');
    const strangerProject = await buildLlmWorld(testApp, stranger, 'Theirs');
    const unseen = await estimate({ project: strangerProject.project }).expect(400);
    expect(unseen.body.validation_errors.project[0]).toBe(
      `Invalid pk "${strangerProject.project}" - object does not exist.`,
    );
    await estimate({ project: world.project, project_subset: 'Everything' }).expect(400);
    await estimate({ project: 'abc' }).expect(400);
  });

  it("answers 404 for another organization's prompt or version", async () => {
    await estimate({ project: world.project }, stranger).expect(404);
    await testApp
      .http()
      .get(`/api/prompts/${world.prompt}/versions/999999/cost-estimate`)
      .query({ project: world.project })
      .set(owner.headers)
      .expect(404);
  });
});
