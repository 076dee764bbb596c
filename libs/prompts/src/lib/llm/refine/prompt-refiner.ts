import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { QueryFailedError, Repository } from 'typeorm';
import { AuthContext } from '@ls/auth';
import { TransactionRunner, ValidationFailedException } from '@ls/core';
import { ProjectsService } from '@ls/projects';
import { BudgetExceededError } from '../budget/budget-exceeded.error';
import { ConnectionBudget } from '../budget/connection-budget';
import { ModelProviderConnection } from '../connections/model-provider-connection.entity';
import { ModelProviderConnections } from '../connections/model-provider-connections.service';
import { LlmMessage } from '../providers/llm-provider';
import { costOf } from '../providers/model-prices';
import { PromptVersion } from '../prompts/prompt-version.entity';
import { PromptVersionsService } from '../prompts/prompt-versions.service';
import { Prompt } from '../prompts/prompt.entity';
import { PromptsService } from '../prompts/prompts.service';
import { PromptRefinement } from './prompt-refinement.entity';
import { refineError, RefineFailed } from './refine-errors';
import { checkedAnswer, TEACHER_SCHEMA, TeacherAnswer, teacherMessages } from './teacher-prompt';
import { VersionMistakes } from './version-mistakes';

/** Mistakes shown to the teacher at most. */
export const MAX_MISTAKES = 20;
/** Tries the teacher gets to answer with a usable template. */
const TEACHER_TRIES = 2;

/** What a refinement asks for (the contract's `RefinePromptRequestRequest`). */
export interface RefineRequest {
  teacher_model_provider_connection_id: number;
  teacher_model_name: string;
  project_id: number;
}

/** A refinement checked and ready to run. */
export interface RefineTarget {
  prompt: Prompt;
  version: PromptVersion;
  projectId: number;
  teacher: ModelProviderConnection;
  teacherModel: string;
}

/**
 * Refines a prompt version with a teacher model (behavior-enterprise §6.6): the teacher gets
 * the template, the labels and the version's mistakes on the project's ground truth, and answers
 * with a new template; one whose placeholders are not the prompt's input fields is sent back
 * once. The result is a new version of the prompt (the parent's model and connection); every
 * call's cost goes on the teacher connection's budget, which is checked before each call.
 */
@Injectable()
export class PromptRefiner {
  constructor(
    private readonly prompts: PromptsService,
    private readonly versions: PromptVersionsService,
    private readonly projects: ProjectsService,
    private readonly connections: ModelProviderConnections,
    private readonly budget: ConnectionBudget,
    private readonly mistakes: VersionMistakes,
    private readonly transactions: TransactionRunner,
    @InjectRepository(PromptRefinement)
    private readonly refinements: Repository<PromptRefinement>,
  ) {}

  /** 404 for a prompt or version the caller does not see; 400 naming a bad field of `input`. */
  async prepare(
    auth: AuthContext,
    promptId: number,
    versionId: number,
    input: RefineRequest,
  ): Promise<RefineTarget> {
    const prompt = await this.prompts.get(auth, promptId);
    const version = await this.versions.get(auth, promptId, versionId);
    await this.projects.getVisibleReferenced(auth, input.project_id, 'project_id');
    const teacher = await this.teacherOf(auth, input.teacher_model_provider_connection_id);
    const models = this.connections.availableModels(teacher);
    if (teacher.provider !== 'Custom' && !models.includes(input.teacher_model_name)) {
      throw new ValidationFailedException({
        teacher_model_name: [
          `"${input.teacher_model_name}" is not a model of connection ${teacher.id}; its models are: ${models.join(', ') || 'none'}.`,
        ],
      });
    }
    await this.withinBudget(teacher);
    return {
      prompt,
      version,
      projectId: input.project_id,
      teacher,
      teacherModel: input.teacher_model_name,
    };
  }

  /** Runs the refinement of row `refinementId` to its end: `Completed`, or throws why not. */
  async refine(auth: AuthContext, target: RefineTarget, refinementId: number): Promise<void> {
    const { prompt, version, teacher, teacherModel } = target;
    const found = await this.mistakes.find(
      target.projectId,
      version.title,
      prompt.input_fields,
      MAX_MISTAKES,
    );
    const provider = await this.connections.providerOf(teacher);
    let messages: LlmMessage[] = teacherMessages({
      template: version.prompt,
      skill: prompt.skill_name,
      inputFields: prompt.input_fields,
      labels: prompt.output_classes,
      mistakes: found.mistakes,
      compared: found.compared,
    });
    const spent = { usd: 0, known: true };
    let problem = '';
    for (let attempt = 1; attempt <= TEACHER_TRIES; attempt += 1) {
      let completion;
      try {
        await this.withinBudget(teacher);
        completion = await provider.complete({
          model: teacherModel,
          messages,
          responseSchema: TEACHER_SCHEMA,
        });
      } catch (error) {
        await this.recordCost(refinementId, spent);
        throw refineError(error);
      }
      const cost = costOf(
        teacherModel,
        completion.usage.inputTokens,
        completion.usage.outputTokens,
      );
      if (cost === null) spent.known = false;
      else {
        spent.usd += cost;
        await this.budget.recordSpend(teacher.id, cost);
      }
      const checked = checkedAnswer(completion.parsed, completion.text, prompt.input_fields);
      if ('answer' in checked) {
        await this.complete(auth, target, refinementId, checked.answer, spent);
        return;
      }
      problem = checked.problem;
      messages = [
        ...messages,
        { role: 'assistant', content: completion.text },
        { role: 'user', content: `${problem} Answer again with a template that fixes this.` },
      ];
    }
    await this.recordCost(refinementId, spent);
    throw new RefineFailed(
      `The teacher model gave no usable prompt in ${TEACHER_TRIES} tries: ${problem}`,
    );
  }

  /** The new version and the refinement's result, written together. */
  private async complete(
    auth: AuthContext,
    target: RefineTarget,
    refinementId: number,
    answer: TeacherAnswer,
    spent: { usd: number; known: boolean },
  ): Promise<void> {
    const { prompt, version } = target;
    for (let attempt = 1; ; attempt += 1) {
      const title = await this.prompts.defaultVersionName(auth, prompt.id);
      try {
        await this.transactions.run(async ({ manager }) => {
          const inserted = await manager.getRepository(PromptVersion).insert({
            parent_model_id: prompt.id,
            organization_id: auth.organizationId,
            created_by_id: auth.user.id,
            title,
            prompt: answer.prompt,
            provider: version.provider,
            provider_model_id: version.provider_model_id,
            model_provider_connection_id: version.model_provider_connection_id,
          });
          await manager.getRepository(PromptRefinement).update(
            { id: refinementId },
            {
              status: 'Completed',
              refined_version_id: (inserted.identifiers[0] as { id: number }).id,
              title,
              prompt: answer.prompt,
              reasoning: answer.reasoning,
              error: null,
              total_cost: spent.known ? spent.usd : null,
              completed_at: new Date(),
            },
          );
        });
        return;
      } catch (error) {
        // another version took the title meanwhile: the next free one
        if (!isUniqueViolation(error) || attempt >= 3) throw error;
      }
    }
  }

  private async recordCost(id: number, spent: { usd: number; known: boolean }): Promise<void> {
    await this.refinements.update({ id }, { total_cost: spent.known ? spent.usd : null });
  }

  /** The teacher connection when the caller may use it; else a 400 on the field naming it. */
  private async teacherOf(auth: AuthContext, id: number): Promise<ModelProviderConnection> {
    try {
      return await this.connections.usableBy(auth, id);
    } catch (error) {
      if (!(error instanceof NotFoundException)) throw error;
      throw new ValidationFailedException({
        teacher_model_provider_connection_id: [`Invalid pk "${id}" - object does not exist.`],
      });
    }
  }

  private async withinBudget(teacher: ModelProviderConnection): Promise<void> {
    try {
      await this.budget.assertWithinBudget(teacher);
    } catch (error) {
      if (error instanceof BudgetExceededError) throw refineError(error);
      throw error;
    }
  }
}

function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const code = (error.driverError as { code?: string } | undefined)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}
