import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { OrganizationResources, OrganizationScope } from '@ls/auth';
import type { ProjectPlace } from '@ls/auth';
import { Project, projectPlaceOf } from '@ls/projects';
import { Task } from '@ls/tasks';
import { AnnotationDraft } from './entities/annotation-draft.entity';
import { Annotation } from './entities/annotation.entity';
import { Prediction } from './entities/prediction.entity';
import { LabelLink } from './labels/label-link.entity';
import { Label } from './labels/label.entity';

/**
 * `annotation`, `prediction`, `draft`, `label`, `label_link`: what route paths name (see
 * `@ResourceParams`).
 */
@Injectable()
export class AnnotationResources implements OnModuleInit {
  constructor(
    private readonly resources: OrganizationResources,
    @InjectRepository(Annotation) private readonly annotations: Repository<Annotation>,
    @InjectRepository(Prediction) private readonly predictions: Repository<Prediction>,
    @InjectRepository(Label) private readonly labels: Repository<Label>,
    @InjectRepository(LabelLink) private readonly links: Repository<LabelLink>,
    @InjectRepository(AnnotationDraft) private readonly drafts: Repository<AnnotationDraft>,
  ) {}

  onModuleInit(): void {
    this.resources.registerInProject('annotation', projectPlaceOf(this.annotations));
    this.resources.registerInProject('prediction', projectPlaceOf(this.predictions));
    this.resources.registerInProject('label_link', projectPlaceOf(this.links));
    this.resources.registerInProject('draft', (id) => this.placeOfDraft(id));
    const labels = new OrganizationScope(this.labels);
    this.resources.registerById('label', (auth, id) => labels.exists(auth, { id }));
  }

  /** A draft has no project column: its task's project. */
  private async placeOfDraft(id: number): Promise<ProjectPlace | null> {
    const row = await this.drafts
      .createQueryBuilder('draft')
      .innerJoin(Task, 'place_task', 'place_task.id = draft.task_id')
      .innerJoin(Project, 'place_project', 'place_project.id = place_task.project_id')
      .select('place_task.project_id', 'project_id')
      .addSelect('place_project.organization_id', 'organization_id')
      .where('draft.id = :id', { id })
      .getRawOne<{ project_id: number | string; organization_id: number | string }>();
    return row
      ? { project_id: Number(row.project_id), organization_id: Number(row.organization_id) }
      : null;
  }
}
