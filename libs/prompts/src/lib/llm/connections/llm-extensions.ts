import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { OrganizationResources, OrganizationScope } from '@ls/auth';
import { MODEL_PROVIDER_CONNECTION_RESOURCE } from './http/model-provider-connections.controller';
import { ModelProviderConnection } from './model-provider-connection.entity';

/** Registers the `model_provider_connection` kind that route paths name (`@ResourceParams`). */
@Injectable()
export class LlmExtensions implements OnModuleInit {
  constructor(
    private readonly resources: OrganizationResources,
    @InjectRepository(ModelProviderConnection)
    private readonly connections: Repository<ModelProviderConnection>,
  ) {}

  onModuleInit(): void {
    const scope = new OrganizationScope(this.connections);
    this.resources.registerById(MODEL_PROVIDER_CONNECTION_RESOURCE, (auth, id) =>
      scope.exists(auth, { id }),
    );
  }
}
