import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AuthContext, OrganizationResources, OrganizationScope } from '@ls/auth';
import { ModelProviderConnections } from '../connections/model-provider-connections.service';
import { PromptVersion } from './prompt-version.entity';
import { Prompt } from './prompt.entity';

/** What `{id}` / `{prompt_id}` names on the prompt routes. */
export const PROMPT_RESOURCE = 'prompt';
/** What `{version_id}` names; that it belongs to the `{prompt_id}` is checked by the service. */
export const PROMPT_VERSION_RESOURCE = 'prompt_version';

/** Managers and above see every prompt of the organization (`models.view`, not configurable). */
function seesPrompts(auth: AuthContext): boolean {
  return auth.role === 'OW' || auth.role === 'AD' || auth.role === 'MA';
}

/**
 * Registers the prompt kinds so the auth guard answers 404 for another organization's, and tells
 * the connections which prompts a caller sees (for connections bound to one).
 */
@Injectable()
export class PromptResources implements OnModuleInit {
  constructor(
    private readonly resources: OrganizationResources,
    private readonly connections: ModelProviderConnections,
    @InjectRepository(Prompt) private readonly prompts: Repository<Prompt>,
    @InjectRepository(PromptVersion) private readonly versions: Repository<PromptVersion>,
  ) {}

  onModuleInit(): void {
    const prompts = new OrganizationScope(this.prompts);
    const versions = new OrganizationScope(this.versions);
    this.resources.registerById(PROMPT_RESOURCE, (auth, id) => prompts.exists(auth, { id }));
    this.resources.registerById(PROMPT_VERSION_RESOURCE, (auth, id) =>
      versions.exists(auth, { id }),
    );
    this.connections.usePromptVisibility(async (auth) => (seesPrompts(auth) ? 'all' : []));
  }
}
