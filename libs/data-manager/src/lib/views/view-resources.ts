import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { OrganizationResources } from '@ls/auth';
import { projectPlaceOf } from '@ls/projects';
import { View } from './view.entity';

/** `view`: what route paths name with a view id (see `@ResourceParams`). */
@Injectable()
export class ViewResources implements OnModuleInit {
  constructor(
    private readonly resources: OrganizationResources,
    @InjectRepository(View) private readonly views: Repository<View>,
  ) {}

  onModuleInit(): void {
    this.resources.registerInProject('view', projectPlaceOf(this.views));
  }
}
