import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { OrganizationResources } from '@ls/auth';
import { projectPlaceOf } from '@ls/projects';
import { Task } from './task.entity';

/** `task`: what route paths name with a task id (see `@ResourceParams`). */
@Injectable()
export class TaskResources implements OnModuleInit {
  constructor(
    private readonly resources: OrganizationResources,
    @InjectRepository(Task) private readonly tasks: Repository<Task>,
  ) {}

  onModuleInit(): void {
    this.resources.registerInProject('task', projectPlaceOf(this.tasks));
  }
}
