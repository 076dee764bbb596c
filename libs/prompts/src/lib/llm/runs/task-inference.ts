import { BudgetExceededError } from '../budget/budget-exceeded.error';
import { renderTemplate } from '../prompts/prompt-template';
import { LlmCompletion, LlmProvider, LlmProviderError } from '../providers/llm-provider';
import { costOf } from '../providers/model-prices';
import { parsedJson } from '../providers/openai-compatible.provider';
import { RunBudget } from './run-budget';
import { TaskOutcome } from './run-outcomes';
import { InvalidAnswerError, OutputTarget, resultOfAnswer } from './run-output';

const SYSTEM_PROMPT =
  'You label data. Follow the instructions and answer only with JSON matching the given schema.';

/** Stops the whole run (the budget is spent, the credentials were refused). */
export class RunStoppingError extends Error {}

export interface InferenceSettings {
  provider: LlmProvider;
  model: string;
  template: string;
  schema: Record<string, unknown>;
  target: OutputTarget;
  maxAttempts: number;
  retryBaseMs: number;
  signal: AbortSignal;
}

/** Waits `ms`, or less when `signal` aborts. */
export function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}

/**
 * One task through the model: the rendered prompt sent with the answer's schema, the budget
 * checked before each try and the cost added to it after; 429, 5xx and connection failures tried again
 * after the provider's `Retry-After` or an exponential backoff. Null when the run was aborted.
 */
export class TaskInference {
  constructor(
    private readonly budget: RunBudget,
    private readonly settings: InferenceSettings,
  ) {}

  async infer(task: { id: number; data: Record<string, unknown> }): Promise<TaskOutcome | null> {
    const { settings } = this;
    const prompt = renderTemplate(settings.template, task.data ?? {});
    let cost = 0;
    for (let attempt = 1; ; attempt += 1) {
      if (settings.signal.aborted) return null;
      await this.checkBudget();
      let completion: LlmCompletion;
      try {
        completion = await this.call(prompt);
      } catch (error) {
        if (settings.signal.aborted) return null;
        if (!(error instanceof LlmProviderError)) throw error;
        if (error.kind === 'auth') throw new RunStoppingError(error.message);
        if (!error.retryable || attempt >= settings.maxAttempts) {
          return { taskId: task.id, result: null, error: error.message, costUsd: cost };
        }
        await pause(this.delayOf(error, attempt), settings.signal);
        continue;
      }
      const spent =
        costOf(settings.model, completion.usage.inputTokens, completion.usage.outputTokens) ?? 0;
      cost += spent;
      this.budget.add(spent);
      return { taskId: task.id, ...this.checked(completion, task.data ?? {}), costUsd: cost };
    }
  }

  /** One provider call, on a signal of its own that the run's abort aborts. */
  private async call(prompt: string): Promise<LlmCompletion> {
    const { settings } = this;
    const call = new AbortController();
    const abort = () => call.abort();
    settings.signal.addEventListener('abort', abort, { once: true });
    try {
      return await settings.provider.complete({
        model: settings.model,
        messages: [
          { role: 'system', content: SYSTEM_PROMPT },
          { role: 'user', content: prompt },
        ],
        responseSchema: settings.schema,
        signal: call.signal,
      });
    } finally {
      settings.signal.removeEventListener('abort', abort);
    }
  }

  private checked(completion: LlmCompletion, data: Record<string, unknown>) {
    const answer =
      completion.parsed !== undefined ? completion.parsed : parsedJson(completion.text).parsed;
    if (answer === undefined) {
      return { result: null, error: 'The model answer is not JSON.' };
    }
    try {
      return { result: resultOfAnswer(this.settings.target, answer, data), error: null };
    } catch (error) {
      if (error instanceof InvalidAnswerError) return { result: null, error: error.message };
      throw error;
    }
  }

  private async checkBudget(): Promise<void> {
    try {
      await this.budget.check();
    } catch (error) {
      if (error instanceof BudgetExceededError) throw new RunStoppingError(error.message);
      throw error;
    }
  }

  private delayOf(error: LlmProviderError, attempt: number): number {
    const retryAfter = 'retryAfterMs' in error ? (error.retryAfterMs as number | null) : null;
    if (retryAfter !== null) return retryAfter;
    return this.settings.retryBaseMs * 2 ** (attempt - 1);
  }
}
