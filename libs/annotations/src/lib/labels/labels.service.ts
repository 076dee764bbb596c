import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { AuthContext, OrganizationScope } from '@ls/auth';
import { PageWindow, TransactionRunner, ValidationFailedException } from '@ls/core';
import { ProjectsService } from '@ls/projects';
import { Annotation } from '../entities/annotation.entity';
import { LabelUsageFromAnnotations } from '../sources/label-usage.source';
import { LabelLink } from './label-link.entity';
import { Label } from './label.entity';
import { LabelCreateDto } from './dto/label-create.dto';
import { LabelLinkCreateDto } from './dto/label-link-create.dto';
import { LabelLinkPatchDto } from './dto/label-link-patch.dto';
import { LabelPatchDto } from './dto/label-patch.dto';
import { ListLabelLinksQuery } from './dto/list-label-links.query';
import { ListLabelsQuery } from './dto/list-labels.query';
import { RenameLabelDto } from './dto/rename-label.dto';
import { renameInResult } from './rename-label';

const RENAME_BATCH = 500;

/** The organization's label library and its links to projects' controls. */
@Injectable()
export class LabelsService {
  private readonly scope: OrganizationScope<Label>;

  constructor(
    private readonly transactions: TransactionRunner,
    private readonly projects: ProjectsService,
    private readonly usage: LabelUsageFromAnnotations,
    @InjectRepository(Label) private readonly labels: Repository<Label>,
    @InjectRepository(LabelLink) private readonly links: Repository<LabelLink>,
    @InjectRepository(Annotation) private readonly annotations: Repository<Annotation>,
  ) {
    this.scope = new OrganizationScope(labels);
  }

  async list(auth: AuthContext, query: ListLabelsQuery, window: PageWindow) {
    const ordering = query.ordering ?? 'id';
    const found = this.scope
      .query(auth, 'label')
      .orderBy(`label.${ordering.replace(/^-/, '')}`, ordering.startsWith('-') ? 'DESC' : 'ASC')
      .skip(window.offset)
      .take(window.size);
    if (query.project !== undefined) {
      found.andWhere(
        'label.id IN (SELECT link.label_id FROM label_link link WHERE link.project_id = :project)',
        { project: query.project },
      );
    }
    const [rows, count] = await found.getManyAndCount();
    return { rows, count, links: await this.linksOf(rows) };
  }

  get(auth: AuthContext, id: number): Promise<Label> {
    return this.scope.findOneOr404(auth, { id });
  }

  async linksOf(labels: Label[]): Promise<LabelLink[]> {
    if (labels.length === 0) return [];
    return this.links.find({
      where: { label_id: In(labels.map((l) => l.id)) },
      order: { id: 'ASC' },
    });
  }

  /**
   * Adds each item to the library (an existing label of the same title and value is reused) and
   * links it to the item's project control. All or nothing.
   */
  async create(auth: AuthContext, items: LabelCreateDto[]) {
    for (const projectId of new Set(items.map((item) => item.project))) {
      await this.projects.getReferenced(auth, projectId);
    }
    return this.transactions.run(async ({ manager }) => {
      const created: { label: Label; link: LabelLink }[] = [];
      for (const item of items) {
        const existing = (await this.scope.within(manager).find(auth, { title: item.title })).find(
          (label) => JSON.stringify(label.value) === JSON.stringify(item.value),
        );
        const label =
          existing ??
          (await manager.save(
            manager.create(Label, {
              organization_id: auth.organizationId,
              created_by_id: auth.user.id,
              title: item.title,
              value: item.value,
              description: item.description ?? null,
              approved: item.approved ?? false,
              approved_by_id: item.approved_by ?? null,
            }),
          ));
        const link =
          (await manager.findOneBy(LabelLink, { project_id: item.project, label_id: label.id })) ??
          (await manager.save(
            manager.create(LabelLink, {
              project_id: item.project,
              label_id: label.id,
              from_name: item.from_name,
            }),
          ));
        created.push({ label, link });
      }
      return created;
    });
  }

  async update(auth: AuthContext, id: number, input: LabelPatchDto): Promise<Label> {
    const label = await this.get(auth, id);
    const { approved_by, ...plain } = input;
    Object.assign(label, plain, approved_by === undefined ? {} : { approved_by_id: approved_by });
    return this.labels.save(label);
  }

  async delete(auth: AuthContext, id: number): Promise<void> {
    await this.get(auth, id);
    await this.labels.delete({ id });
  }

  async listLinks(auth: AuthContext, query: ListLabelLinksQuery, window: PageWindow) {
    const found = this.scopedLinks(auth)
      .orderBy('link.id', 'ASC')
      .skip(window.offset)
      .take(window.size);
    if (query.project !== undefined) {
      found.andWhere('link.project_id = :project', { project: query.project });
    }
    return found.getManyAndCount();
  }

  async getLink(auth: AuthContext, id: number): Promise<LabelLink> {
    const link = await this.scopedLinks(auth).andWhere('link.id = :id', { id }).getOne();
    if (!link) throw new NotFoundException('Not found.');
    return link;
  }

  async createLink(auth: AuthContext, input: LabelLinkCreateDto): Promise<LabelLink> {
    await this.linkTargetsOr400(auth, input);
    if (await this.links.existsBy({ project_id: input.project, label_id: input.label })) {
      throw new ValidationFailedException({
        non_field_errors: ['The fields project, label must make a unique set.'],
      });
    }
    return this.links.save(
      this.links.create({
        project_id: input.project,
        label_id: input.label,
        from_name: input.from_name,
      }),
    );
  }

  async updateLink(auth: AuthContext, id: number, input: LabelLinkPatchDto): Promise<LabelLink> {
    const link = await this.getLink(auth, id);
    await this.linkTargetsOr400(auth, input);
    if (input.from_name !== undefined) link.from_name = input.from_name;
    if (input.label !== undefined) link.label_id = input.label;
    if (input.project !== undefined) link.project_id = input.project;
    return this.links.save(link);
  }

  async deleteLink(auth: AuthContext, id: number): Promise<void> {
    await this.getLink(auth, id);
    await this.links.delete({ id });
  }

  /** How many times each link's label is used by annotations of its project control. */
  async annotationCounts(links: LabelLink[]): Promise<Map<number, number>> {
    const counts = new Map<number, number>();
    const byProject = new Map<number, LabelLink[]>();
    for (const link of links) {
      const group = byProject.get(link.project_id);
      if (group) group.push(link);
      else byProject.set(link.project_id, [link]);
    }
    for (const [projectId, projectLinks] of byProject) {
      const used = await this.usage.labelsInUse(projectId);
      const labels = await this.labels.findBy({ id: In(projectLinks.map((l) => l.label_id)) });
      for (const link of projectLinks) {
        const title = labels.find((label) => label.id === link.label_id)?.title ?? '';
        counts.set(link.id, used.get(link.from_name)?.get(title)?.annotations ?? 0);
      }
    }
    return counts;
  }

  /** Rewrites a label in the saved annotations of one control; returns how many changed. */
  async renameInAnnotations(auth: AuthContext, input: RenameLabelDto): Promise<number> {
    await this.projects.getReferenced(auth, input.project);
    let changed = 0;
    let afterId = 0;
    for (;;) {
      const batch = await this.annotations
        .createQueryBuilder('annotation')
        .where('annotation.project_id = :project', { project: input.project })
        .andWhere('annotation.id > :afterId', { afterId })
        .orderBy('annotation.id', 'ASC')
        .take(RENAME_BATCH)
        .getMany();
      if (batch.length === 0) return changed;
      afterId = batch[batch.length - 1].id;
      await this.transactions.run(async ({ manager }) => {
        for (const annotation of batch) {
          const result = renameInResult(
            annotation.result,
            input.from_name,
            input.old_label,
            input.new_label,
          );
          if (result === annotation.result) continue;
          await manager.update(Annotation, { id: annotation.id }, {
            result,
          } as QueryDeepPartialEntity<Annotation>);
          changed += 1;
        }
      });
    }
  }

  private scopedLinks(auth: AuthContext) {
    return OrganizationScope.restrict(
      this.links.createQueryBuilder('link').innerJoin('link.label', 'label'),
      'label',
      auth,
    );
  }

  private async linkTargetsOr400(auth: AuthContext, input: LabelLinkPatchDto): Promise<void> {
    if (input.project !== undefined) await this.projects.getReferenced(auth, input.project);
    if (input.label !== undefined) {
      if (!(await this.scope.exists(auth, { id: input.label }))) {
        throw new ValidationFailedException({
          label: [`Invalid pk "${input.label}" - object does not exist.`],
        });
      }
    }
  }
}
