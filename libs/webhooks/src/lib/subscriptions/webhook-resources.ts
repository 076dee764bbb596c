import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { OrganizationResources, OrganizationScope } from '@ls/auth';
import { Webhook } from './webhook.entity';

/** `webhook` (by id): what the webhook routes name (see `@ResourceParams`). */
@Injectable()
export class WebhookResources implements OnModuleInit {
  constructor(
    private readonly resources: OrganizationResources,
    @InjectRepository(Webhook) private readonly webhooks: Repository<Webhook>,
  ) {}

  onModuleInit(): void {
    const scope = new OrganizationScope(this.webhooks);
    this.resources.registerById('webhook', (auth, id) => scope.exists(auth, { id }));
  }
}
