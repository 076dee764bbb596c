import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { AuthContext } from '@ls/auth';
import { ValidationFailedException } from '@ls/core';
import { Project, ProjectsService } from '@ls/projects';
import { SkillName, skillFit } from './prompt-skills';
import { PromptProject } from './prompt-project.entity';
import type { AssociatedProjectResponse } from './http/prompt.response';

/** What the associated projects of a prompt give it when the request leaves them out. */
export interface DerivedFields {
  input_fields: string[];
  output_classes: string[];
}

/** Why a project cannot serve a prompt of `skill`, or null when it can. */
export function unfitReason(project: Project, skill: SkillName): string | null {
  if (project.workspace?.is_personal) return 'It is in a personal sandbox.';
  const fit = skillFit(project.parsed_label_config, skill);
  return fit.fits ? null : fit.reason;
}

/** The projects a prompt is associated with: checked on writes, listed on reads. */
@Injectable()
export class PromptProjects {
  constructor(
    private readonly projects: ProjectsService,
    @InjectRepository(PromptProject) private readonly links: Repository<PromptProject>,
  ) {}

  /**
   * Checks `ids` for a prompt of `skill` (the caller must see the ones not `alreadyLinked`, each
   * must fit the skill) and returns the fields their configs give. A 400 on
   * `associated_projects` names the project and why.
   */
  async check(
    auth: AuthContext,
    ids: readonly number[],
    skill: SkillName,
    alreadyLinked: ReadonlySet<number> = new Set(),
  ): Promise<DerivedFields> {
    const inputs = new Set<string>();
    const classes = new Set<string>();
    for (const id of ids) {
      const project = alreadyLinked.has(id)
        ? await this.projects.getReferenced(auth, id, 'associated_projects')
        : await this.projects.getVisibleReferenced(auth, id, 'associated_projects');
      const reason = unfitReason(project, skill);
      if (reason) {
        throw new ValidationFailedException({
          associated_projects: [`Project ${id} is not compatible with ${skill}: ${reason}`],
        });
      }
      const fit = skillFit(project.parsed_label_config, skill);
      if (!fit.fits) continue;
      fit.input_fields.forEach((field) => inputs.add(field));
      fit.output_classes.forEach((label) => classes.add(label));
    }
    return { input_fields: [...inputs], output_classes: [...classes] };
  }

  /** The ids linked to each prompt, in link order. */
  async idsOf(promptIds: readonly number[]): Promise<Map<number, number[]>> {
    const result = new Map<number, number[]>(promptIds.map((id) => [id, []]));
    if (promptIds.length === 0) return result;
    const rows = await this.links.find({
      where: { model_interface_id: In([...promptIds]) },
      order: { project_id: 'ASC' },
    });
    for (const row of rows) result.get(row.model_interface_id)?.push(row.project_id);
    return result;
  }

  /** `{id, title}` of the projects linked to each prompt. */
  async namedOf(promptIds: readonly number[]): Promise<Map<number, AssociatedProjectResponse[]>> {
    const result = new Map<number, AssociatedProjectResponse[]>(promptIds.map((id) => [id, []]));
    if (promptIds.length === 0) return result;
    const rows = await this.links
      .createQueryBuilder('link')
      .innerJoin(Project, 'project', 'project.id = link.project_id')
      .select('link.model_interface_id', 'prompt')
      .addSelect('project.id', 'id')
      .addSelect('project.title', 'title')
      .where('link.model_interface_id IN (:...promptIds)', { promptIds: [...promptIds] })
      .orderBy('project.id', 'ASC')
      .getRawMany<{ prompt: number | string; id: number | string; title: string | null }>();
    for (const row of rows) {
      result.get(Number(row.prompt))?.push({ id: Number(row.id), title: row.title });
    }
    return result;
  }

  /** Makes `ids` the prompt's projects, in the caller's transaction. */
  async replace(manager: EntityManager, promptId: number, ids: readonly number[]): Promise<void> {
    const links = manager.getRepository(PromptProject);
    await links.delete({ model_interface_id: promptId });
    if (ids.length > 0) {
      await links.insert(ids.map((project_id) => ({ model_interface_id: promptId, project_id })));
    }
  }
}
