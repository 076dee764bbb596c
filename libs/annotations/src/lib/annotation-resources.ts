import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { OrganizationResources, OrganizationScope } from '@ls/auth';
import { projectPlaceOf } from '@ls/projects';
import { Annotation } from './entities/annotation.entity';
import { Prediction } from './entities/prediction.entity';
import { LabelLink } from './labels/label-link.entity';
import { Label } from './labels/label.entity';

/** `annotation`, `prediction`, `label`, `label_link`: what route paths name (see `@ResourceParams`). */
@Injectable()
export class AnnotationResources implements OnModuleInit {
  constructor(
    private readonly resources: OrganizationResources,
    @InjectRepository(Annotation) private readonly annotations: Repository<Annotation>,
    @InjectRepository(Prediction) private readonly predictions: Repository<Prediction>,
    @InjectRepository(Label) private readonly labels: Repository<Label>,
    @InjectRepository(LabelLink) private readonly links: Repository<LabelLink>,
  ) {}

  onModuleInit(): void {
    this.resources.registerInProject('annotation', projectPlaceOf(this.annotations));
    this.resources.registerInProject('prediction', projectPlaceOf(this.predictions));
    this.resources.registerInProject('label_link', projectPlaceOf(this.links));
    const labels = new OrganizationScope(this.labels);
    this.resources.registerById('label', (auth, id) => labels.exists(auth, { id }));
  }
}
