import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AuthContext, OrganizationScope } from '@ls/auth';
import { TransactionRunner, ValidationFailedException } from '@ls/core';
import { ModelProviderConnection } from '../connections/model-provider-connection.entity';
import { PromptProjects } from './prompt-projects';
import { SkillName } from './prompt-skills';
import { templateFields } from './prompt-template';
import { PromptVersion } from './prompt-version.entity';
import { Prompt } from './prompt.entity';
import { MAX_TITLE, PromptCreateDto, PromptUpdateDto } from './http/prompt-input.dto';

/** Prompts of the caller's organization: CRUD, their projects checked against their skill. */
@Injectable()
export class PromptsService {
  private readonly scope: OrganizationScope<Prompt>;

  constructor(
    @InjectRepository(Prompt) private readonly prompts: Repository<Prompt>,
    @InjectRepository(PromptVersion) private readonly versions: Repository<PromptVersion>,
    private readonly projects: PromptProjects,
    private readonly transactions: TransactionRunner,
  ) {
    this.scope = new OrganizationScope(prompts);
  }

  list(auth: AuthContext, ordering = '-created_at'): Promise<Prompt[]> {
    const query = this.scope.query(auth, 'prompt').leftJoinAndSelect('prompt.created_by', 'user');
    ordering.split(',').forEach((field, index) => {
      const column = `prompt.${field.replace(/^-/, '')}`;
      const direction = field.startsWith('-') ? 'DESC' : 'ASC';
      if (index === 0) query.orderBy(column, direction);
      else query.addOrderBy(column, direction);
    });
    if (!ordering.split(',').some((field) => field.replace(/^-/, '') === 'id')) {
      query.addOrderBy('prompt.id', 'DESC');
    }
    return query.getMany();
  }

  /** The organization's prompt, else 404. */
  get(auth: AuthContext, id: number): Promise<Prompt> {
    return this.scope.findOneOr404(auth, { id }, { relations: { created_by: true } });
  }

  async create(auth: AuthContext, input: PromptCreateDto): Promise<Prompt> {
    const skill = input.skill_name ?? 'TextClassification';
    const projectIds = input.associated_projects ?? [];
    const derived = await this.projects.check(auth, projectIds, skill);
    const id = await this.transactions.run(async ({ manager }) => {
      const inserted = await manager.getRepository(Prompt).insert({
        organization_id: auth.organizationId,
        created_by_id: auth.user.id,
        title: input.title,
        description: input.description ?? null,
        skill_name: skill,
        input_fields: input.input_fields ?? derived.input_fields,
        output_classes: input.output_classes ?? derived.output_classes,
      });
      const promptId = (inserted.identifiers[0] as { id: number }).id;
      await this.projects.replace(manager, promptId, projectIds);
      return promptId;
    });
    return this.get(auth, id);
  }

  /**
   * PATCH (`replace` false) changes the fields given; PUT (`replace` true) also resets those left
   * out to their defaults. Input fields and classes left out are derived from the projects when
   * the prompt has none yet.
   */
  async update(
    auth: AuthContext,
    id: number,
    input: PromptUpdateDto,
    replace: boolean,
  ): Promise<Prompt> {
    const prompt = await this.get(auth, id);
    const linked = (await this.projects.idsOf([id])).get(id) ?? [];
    const skill: SkillName =
      input.skill_name ?? (replace ? 'TextClassification' : prompt.skill_name);
    const projectIds = input.associated_projects ?? (replace ? [] : linked);
    const derived = await this.projects.check(auth, projectIds, skill, new Set(linked));
    const keep = (current: string[], derivedValue: string[]) =>
      !replace && current.length > 0 ? current : derivedValue;
    const changes = {
      title: input.title ?? prompt.title,
      description:
        input.description !== undefined || replace
          ? (input.description ?? null)
          : prompt.description,
      skill_name: skill,
      input_fields: input.input_fields ?? keep(prompt.input_fields, derived.input_fields),
      output_classes: input.output_classes ?? keep(prompt.output_classes, derived.output_classes),
    };
    await this.assertTemplatesFit(id, changes.input_fields);
    await this.transactions.run(async ({ manager }) => {
      await manager.getRepository(Prompt).update({ id }, changes);
      if (input.associated_projects !== undefined || replace) {
        await this.projects.replace(manager, id, projectIds);
      }
    });
    return this.get(auth, id);
  }

  /**
   * The prompt with its versions; predictions its runs wrote stay on their tasks, and connections
   * bound to it (scope `Model`) are kept unbound.
   */
  async remove(auth: AuthContext, id: number): Promise<void> {
    await this.get(auth, id);
    await this.transactions.run(async ({ manager }) => {
      await manager.getRepository(PromptVersion).delete({ parent_model_id: id });
      await manager
        .getRepository(ModelProviderConnection)
        .update({ prompt_id: id }, { prompt_id: null });
      await manager.getRepository(Prompt).delete({ id });
    });
  }

  /** `<title> v<n>`: n one past the number of versions, or the next one no version has. */
  async defaultVersionName(auth: AuthContext, id: number): Promise<string> {
    const prompt = await this.get(auth, id);
    const titles = new Set(
      (await this.versions.find({ where: { parent_model_id: id }, select: { title: true } })).map(
        (version) => version.title,
      ),
    );
    const named = (n: number) => `${prompt.title.slice(0, MAX_TITLE - ` v${n}`.length)} v${n}`;
    let n = titles.size + 1;
    while (titles.has(named(n))) n += 1;
    return named(n);
  }

  /** Narrowing the input fields must leave every version's placeholders among them. */
  private async assertTemplatesFit(promptId: number, fields: string[]): Promise<void> {
    const allowed = new Set(fields);
    const versions = await this.versions.find({
      where: { parent_model_id: promptId },
      select: { id: true, title: true, prompt: true },
    });
    for (const version of versions) {
      const unknown = templateFields(version.prompt).filter((field) => !allowed.has(field));
      if (unknown.length > 0) {
        throw new ValidationFailedException({
          input_fields: [
            `Version "${version.title}" uses {${unknown[0]}}, which is not among the input fields.`,
          ],
        });
      }
    }
  }
}
