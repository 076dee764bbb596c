import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { QueryFailedError, Repository } from 'typeorm';
import { AuthContext } from '@ls/auth';
import { ValidationFailedException } from '@ls/core';
import { ModelProviderConnection } from '../connections/model-provider-connection.entity';
import { ModelProviderConnections } from '../connections/model-provider-connections.service';
import { parseTemplate, TemplateSyntaxError } from './prompt-template';
import { PromptVersion } from './prompt-version.entity';
import { Prompt } from './prompt.entity';
import { PromptsService } from './prompts.service';
import { PromptVersionCreateDto, PromptVersionUpdateDto } from './http/prompt-version-input.dto';

const DUPLICATE_TITLE = 'A version of this prompt already has this title.';

function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const code = (error.driverError as { code?: string } | undefined)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/** The versions of a prompt: template text checked against its input fields, model checked. */
@Injectable()
export class PromptVersionsService {
  constructor(
    @InjectRepository(PromptVersion) private readonly versions: Repository<PromptVersion>,
    private readonly prompts: PromptsService,
    private readonly connections: ModelProviderConnections,
  ) {}

  async list(auth: AuthContext, promptId: number, ordering = 'id'): Promise<PromptVersion[]> {
    await this.prompts.get(auth, promptId);
    const query = this.versions
      .createQueryBuilder('version')
      .leftJoinAndSelect('version.created_by', 'user')
      .where('version.parent_model_id = :promptId', { promptId })
      .andWhere('version.organization_id = :organizationId', {
        organizationId: auth.organizationId,
      });
    ordering.split(',').forEach((field, index) => {
      const column = `version.${field.replace(/^-/, '')}`;
      const direction = field.startsWith('-') ? 'DESC' : 'ASC';
      if (index === 0) query.orderBy(column, direction);
      else query.addOrderBy(column, direction);
    });
    if (!ordering.split(',').some((field) => field.replace(/^-/, '') === 'id')) {
      query.addOrderBy('version.id', 'ASC');
    }
    return query.getMany();
  }

  /** The version of that prompt in the caller's organization; one of another prompt is a 404. */
  async get(auth: AuthContext, promptId: number, id: number): Promise<PromptVersion> {
    const version = await this.versions.findOne({
      where: { id, parent_model_id: promptId, organization_id: auth.organizationId },
      relations: { created_by: true },
    });
    if (!version) throw new NotFoundException('Not found.');
    return version;
  }

  async create(
    auth: AuthContext,
    promptId: number,
    input: PromptVersionCreateDto,
  ): Promise<PromptVersion> {
    const prompt = await this.prompts.get(auth, promptId);
    const fields = await this.checked(auth, prompt, input, null);
    const id = await this.saving(async () => {
      const inserted = await this.versions.insert({
        parent_model_id: promptId,
        organization_id: auth.organizationId,
        created_by_id: auth.user.id,
        ...fields,
      });
      return (inserted.identifiers[0] as { id: number }).id;
    });
    await this.bindModelConnection(fields.model_provider_connection_id, promptId);
    return this.get(auth, promptId, id);
  }

  /** PATCH (`replace` false) or PUT (`replace` true: the connection left out is unset). */
  async update(
    auth: AuthContext,
    promptId: number,
    id: number,
    input: PromptVersionUpdateDto,
    replace: boolean,
  ): Promise<PromptVersion> {
    const prompt = await this.prompts.get(auth, promptId);
    const current = await this.get(auth, promptId, id);
    const given = replace
      ? { ...input, model_provider_connection: input.model_provider_connection ?? null }
      : input;
    const fields = await this.checked(auth, prompt, given, current);
    await this.saving(() => this.versions.update({ id }, fields));
    await this.bindModelConnection(fields.model_provider_connection_id, promptId);
    return this.get(auth, promptId, id);
  }

  /** Its runs go with it (part 2); predictions stay on their tasks. */
  async remove(auth: AuthContext, promptId: number, id: number): Promise<void> {
    await this.get(auth, promptId, id);
    await this.versions.delete({ id });
  }

  /** The stored fields after `input`, each checked; 400 naming the field otherwise. */
  private async checked(
    auth: AuthContext,
    prompt: Prompt,
    input: PromptVersionUpdateDto,
    current: PromptVersion | null,
  ) {
    const title = input.title ?? (current?.title as string);
    const template = input.prompt ?? (current?.prompt as string);
    const connectionId =
      input.model_provider_connection !== undefined
        ? input.model_provider_connection
        : (current?.model_provider_connection_id ?? null);
    const connection = connectionId === null ? null : await this.connectionFor(auth, connectionId);
    const provider = input.provider ?? current?.provider ?? connection?.provider ?? 'OpenAI';
    const model = input.provider_model_id ?? (current?.provider_model_id as string);

    if (input.prompt !== undefined) assertTemplateFits(template, prompt.input_fields);
    if (input.title !== undefined && input.title !== current?.title) {
      const taken = await this.versions.exist({
        where: { parent_model_id: prompt.id, title: input.title },
      });
      if (taken) throw new ValidationFailedException({ title: [DUPLICATE_TITLE] });
    }
    const modelChanged =
      input.provider !== undefined ||
      input.provider_model_id !== undefined ||
      input.model_provider_connection !== undefined;
    if (connection && modelChanged) {
      if (provider !== connection.provider) {
        throw new ValidationFailedException({
          provider: [
            `The connection ${connection.id} is for ${connection.provider}, not ${provider}.`,
          ],
        });
      }
      const models = this.connections.availableModels(connection);
      if (!models.includes(model)) {
        throw new ValidationFailedException({
          provider_model_id: [
            `"${model}" is not a model of connection ${connection.id}; its models are: ${models.join(', ') || 'none'}.`,
          ],
        });
      }
    }
    if (
      connection?.scope === 'Model' &&
      connection.prompt_id !== null &&
      connection.prompt_id !== prompt.id
    ) {
      throw new ValidationFailedException({
        model_provider_connection: [`Connection ${connection.id} is bound to another prompt.`],
      });
    }
    return {
      title,
      prompt: template,
      provider,
      provider_model_id: model,
      model_provider_connection_id: connection?.id ?? null,
    };
  }

  /** A `Model`-scoped connection belongs to the first prompt a version uses it for. */
  private async bindModelConnection(connectionId: number | null, promptId: number): Promise<void> {
    if (connectionId !== null) await this.connections.bindToPrompt(connectionId, promptId);
  }

  /** A connection the caller may use; any other id is a 400 on the field that names it. */
  private async connectionFor(auth: AuthContext, id: number): Promise<ModelProviderConnection> {
    try {
      return await this.connections.usableBy(auth, id);
    } catch (error) {
      if (!(error instanceof NotFoundException)) throw error;
      throw new ValidationFailedException({
        model_provider_connection: [`Invalid pk "${id}" - object does not exist.`],
      });
    }
  }

  /** Runs a write; a concurrent version with the same title is the same 400 as a checked one. */
  private async saving<T>(write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if (isUniqueViolation(error))
        throw new ValidationFailedException({ title: [DUPLICATE_TITLE] });
      throw error;
    }
  }
}

/** The template must read and name only the prompt's input fields. */
export function assertTemplateFits(template: string, inputFields: readonly string[]): void {
  let parts;
  try {
    parts = parseTemplate(template);
  } catch (error) {
    if (error instanceof TemplateSyntaxError) {
      throw new ValidationFailedException({ prompt: [error.message] });
    }
    throw error;
  }
  const allowed = new Set(inputFields);
  for (const part of parts) {
    if ('field' in part && !allowed.has(part.field)) {
      const known = inputFields.length ? inputFields.join(', ') : 'none';
      throw new ValidationFailedException({
        prompt: [
          `Unknown field {${part.field}}: the prompt's input fields are ${known} (write {{ and }} for literal braces).`,
        ],
      });
    }
  }
}
