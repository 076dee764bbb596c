import { Injectable } from '@nestjs/common';
import { AuthContext } from '@ls/auth';
import { ProjectsService } from '@ls/projects';
import { priceOf } from '../providers/model-prices';
import { renderTemplate } from '../prompts/prompt-template';
import { PromptVersionsService } from '../prompts/prompt-versions.service';
import { PromptsService } from '../prompts/prompts.service';
import { outputEstimator } from './output-estimate';
import { ProjectSubset, SubsetTasks } from './subset-tasks';
import { countTokens, tokenizerOf } from './token-counter';

/** Tasks tokenized exactly; beyond them the average per task so far is extrapolated. */
export const EXACT_TASKS = 2_000;
const BATCH_SIZE = 500;
/** A chat call's framing around the prompt (message header, reply priming), in tokens. */
export const MESSAGE_OVERHEAD_TOKENS = 7;

/** The contract's `InferenceRunCostEstimate`, before it is written out. */
export interface CostEstimate {
  prompt_cost_usd: string | null;
  completion_cost_usd: string | null;
  total_cost_usd: string | null;
  is_error: boolean;
  error_type: string | null;
  error_message: string | null;
}

/** Dollars as the contract's decimal strings. */
export function usd(amount: number): string {
  return amount.toFixed(6);
}

/**
 * What an inference run of a prompt version on a project's subset would cost (behavior-enterprise
 * §6.6): the version's template rendered for each task and counted with the model's tokenizer,
 * the answer's tokens estimated from the skill, both priced with `MODEL_PRICES`. A model without
 * a known price is an answer with `is_error`, not a failure of the request.
 */
@Injectable()
export class CostEstimator {
  constructor(
    private readonly prompts: PromptsService,
    private readonly versions: PromptVersionsService,
    private readonly projects: ProjectsService,
    private readonly subsets: SubsetTasks,
  ) {}

  async estimate(
    auth: AuthContext,
    promptId: number,
    versionId: number,
    projectId: number,
    subset: ProjectSubset,
  ): Promise<CostEstimate> {
    const prompt = await this.prompts.get(auth, promptId);
    const version = await this.versions.get(auth, promptId, versionId);
    const project = await this.projects.getVisibleReferenced(auth, projectId, 'project');
    const price = priceOf(version.provider_model_id);
    if (!price) {
      return failed(
        'Unknown Model Price',
        `No price is known for the model "${version.provider_model_id}", so the cost cannot be estimated.`,
      );
    }
    const tokenizer = tokenizerOf(version.provider_model_id);
    const outputOf = outputEstimator(tokenizer, prompt.skill_name, prompt.output_classes);
    const total = await this.subsets.count(project.id, subset);
    let counted = 0;
    let input = 0;
    let output = 0;
    for await (const batch of this.subsets.batches(project.id, subset, EXACT_TASKS, BATCH_SIZE)) {
      for (const task of batch) {
        const text = prompt.input_fields.map((field) => textOf(task.data[field])).join('\n');
        input += countTokens(tokenizer, renderTemplate(version.prompt, task.data));
        input += MESSAGE_OVERHEAD_TOKENS;
        output += outputOf(countTokens(tokenizer, text));
        counted += 1;
      }
    }
    const scale = counted > 0 ? total / counted : 0;
    const promptCost = (Math.round(input * scale) * price.inputPerMillion) / 1_000_000;
    const completionCost = (Math.round(output * scale) * price.outputPerMillion) / 1_000_000;
    return {
      prompt_cost_usd: usd(promptCost),
      completion_cost_usd: usd(completionCost),
      total_cost_usd: usd(promptCost + completionCost),
      is_error: false,
      error_type: null,
      error_message: null,
    };
  }
}

function failed(type: string, message: string): CostEstimate {
  return {
    prompt_cost_usd: null,
    completion_cost_usd: null,
    total_cost_usd: null,
    is_error: true,
    error_type: type,
    error_message: message,
  };
}

/** A data value as a template shows it: text as is, anything else as JSON. */
function textOf(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value ?? null);
}
