import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AuthContext, SecretBox } from '@ls/auth';
import { OutboundHttp, OutboundHttpError, ValidationFailedException } from '@ls/core';
import { LlmProvider, LlmProviderError } from '../providers/llm-provider';
import { LlmProviders } from '../providers/llm-providers';
import { ProviderSettings } from '../providers/provider-settings';
import { ConnectionAccess, PromptVisibility } from './connection-access';
import { ModelProviderConnectionInputDto } from './http/connection-input.dto';
import {
  ConnectionSecrets,
  LLM_PROVIDERS,
  LlmProviderName,
  ModelProviderConnection,
} from './model-provider-connection.entity';
import { REQUIRED_FIELDS } from './provider-requirements';

const SECRET_FIELDS = ['api_key', 'auth_token', 'google_application_credentials'] as const;
const PLAIN_FIELDS = [
  'deployment_name',
  'endpoint',
  'google_project_id',
  'google_location',
  'budget_alert_threshold',
] as const;
/** Fields whose change means the credentials are checked again against the provider. */
const REACH_FIELDS = ['provider', ...SECRET_FIELDS, ...PLAIN_FIELDS.slice(0, 4)] as const;
const ORDERING_FIELDS = new Set(['id', 'provider', 'scope', 'created_at', 'updated_at']);
const MAX_MODELS_TEXT = 4096;

/**
 * Model provider connections (`/api/model-provider-connections/`) and what the rest of Prompts
 * asks of them: the connection a caller may use (`usableBy`), its models (`availableModels`) and
 * an adapter to call it with (`providerOf`). A connection is saved only once the provider has
 * accepted its credentials by listing its models.
 */
@Injectable()
export class ModelProviderConnections {
  private readonly access: ConnectionAccess;

  constructor(
    private readonly secretBox: SecretBox,
    private readonly providers: LlmProviders,
    @InjectRepository(ModelProviderConnection)
    private readonly connections: Repository<ModelProviderConnection>,
  ) {
    this.access = new ConnectionAccess(connections);
  }

  /** Lets `Model`-scoped connections follow the visibility of the prompt they are bound to. */
  usePromptVisibility(visibility: PromptVisibility): void {
    this.access.usePromptVisibility(visibility);
  }

  /** The connections the caller may use, internal ones left out. */
  async list(auth: AuthContext, ordering?: string): Promise<ModelProviderConnection[]> {
    const query = (await this.access.visible(auth)).andWhere('connection.is_internal = :internal', {
      internal: false,
    });
    const terms = (ordering ?? '').split(',').map((part) => part.trim());
    for (const term of [...terms, 'id']) {
      const field = term.replace(/^-/, '');
      // The first mention of a field wins (`id` last, as the tie-breaker).
      if (ORDERING_FIELDS.has(field) && !(`connection.${field}` in query.expressionMap.orderBys)) {
        query.addOrderBy(`connection.${field}`, term.startsWith('-') ? 'DESC' : 'ASC');
      }
    }
    return query.getMany();
  }

  /** The connection when the caller may see it; else 404. */
  async get(auth: AuthContext, id: number): Promise<ModelProviderConnection> {
    const connection = await (
      await this.access.visible(auth)
    )
      .andWhere('connection.id = :id', { id })
      .getOne();
    if (!connection) throw new NotFoundException('Not found.');
    return connection;
  }

  /**
   * The connection `id` for a caller about to use it (a prompt version, a run, the proxy): 404
   * when not visible to them, 400 when it has no models listed (its credentials never passed).
   */
  async usableBy(auth: AuthContext, id: number): Promise<ModelProviderConnection> {
    const connection = await this.get(auth, id);
    if (this.availableModels(connection).length === 0 && connection.provider !== 'Custom') {
      throw new BadRequestException(
        `Model provider connection ${id} has no available models; check its credentials.`,
      );
    }
    return connection;
  }

  /**
   * The connection of `provider` a caller's call to `model` goes through: one listing the model
   * first, then organization-wide ones, then the oldest; internal ones included. Null: none.
   */
  async forModel(
    auth: AuthContext,
    provider: LlmProviderName,
    model: string,
  ): Promise<ModelProviderConnection | null> {
    const candidates = await (
      await this.access.visible(auth)
    )
      .andWhere('connection.provider = :provider', { provider })
      .orderBy('connection.id', 'ASC')
      .getMany();
    const rank = (connection: ModelProviderConnection) =>
      (this.availableModels(connection).includes(model) ? 0 : 2) +
      (connection.scope === 'Organization' ? 0 : 1);
    return candidates.sort((a, b) => rank(a) - rank(b))[0] ?? null;
  }

  /** The model ids `cached_available_models` lists. */
  availableModels(connection: Pick<ModelProviderConnection, 'cached_available_models'>): string[] {
    return (connection.cached_available_models ?? '')
      .split(',')
      .map((model) => model.trim())
      .filter((model) => model !== '');
  }

  /** An adapter on the connection's provider, with its secrets opened. */
  async providerOf(connection: ModelProviderConnection): Promise<LlmProvider> {
    return this.providers.for(await this.settingsOf(connection));
  }

  /** The connection's settings with its secrets opened, for an adapter. */
  async settingsOf(connection: ModelProviderConnection): Promise<ProviderSettings> {
    const opened = connection.secrets_sealed
      ? await this.secretBox.open(connection.secrets_sealed)
      : null;
    return {
      provider: connection.provider,
      endpoint: connection.endpoint,
      deployment_name: connection.deployment_name,
      google_project_id: connection.google_project_id,
      google_location: connection.google_location,
      secrets: opened ? (JSON.parse(opened) as ConnectionSecrets) : {},
    };
  }

  /** Binds a `Model`-scoped connection to its prompt (done by the prompts feature). */
  async bindToPrompt(connectionId: number, promptId: number | null): Promise<void> {
    await this.connections.update({ id: connectionId, scope: 'Model' }, { prompt_id: promptId });
  }

  async create(
    auth: AuthContext,
    input: ModelProviderConnectionInputDto,
  ): Promise<ModelProviderConnection> {
    if (!input.provider)
      throw new ValidationFailedException({ provider: ['This field is required.'] });
    const scope = input.scope ?? 'Organization';
    this.access.assertMayChange(auth, null, scope);
    refuseInternal(input);
    const connection = this.connections.create({
      organization_id: auth.organizationId,
      created_by_id: auth.user.id,
      provider: input.provider,
      scope,
      prompt_id: null,
      deployment_name: null,
      endpoint: null,
      google_project_id: null,
      google_location: null,
      cached_available_models: null,
      is_internal: false,
      secrets_sealed: null,
      budget_limit: null,
      budget_reset_period: null,
      budget_total_spent: 0,
      budget_last_reset_date: null,
      budget_alert_threshold: null,
    });
    const secrets = await this.apply(connection, {}, input);
    await this.checkCredentials(connection, secrets, input.cached_available_models);
    const saved = await this.connections.save(connection);
    return this.get(auth, saved.id);
  }

  async update(
    auth: AuthContext,
    id: number,
    input: ModelProviderConnectionInputDto,
  ): Promise<ModelProviderConnection> {
    const connection = await this.get(auth, id);
    this.access.assertMayChange(auth, connection, input.scope ?? connection.scope);
    refuseInternal(input);
    const before = (await this.settingsOf(connection)).secrets;
    if (input.provider) connection.provider = input.provider;
    if (input.scope) connection.scope = input.scope;
    const secrets = await this.apply(connection, before, input);
    if (REACH_FIELDS.some((field) => input[field] !== undefined)) {
      await this.checkCredentials(connection, secrets, input.cached_available_models);
    } else if (input.cached_available_models !== undefined) {
      connection.cached_available_models = input.cached_available_models;
    }
    await this.connections.save(connection);
    return this.get(auth, id);
  }

  async remove(auth: AuthContext, id: number): Promise<void> {
    const connection = await this.get(auth, id);
    this.access.assertMayChange(auth, connection, connection.scope);
    await this.connections.delete({ id: connection.id });
  }

  /** Sets the given fields on `connection` and seals its secrets; returns them opened. */
  private async apply(
    connection: ModelProviderConnection,
    current: ConnectionSecrets,
    input: ModelProviderConnectionInputDto,
  ): Promise<ConnectionSecrets> {
    for (const field of PLAIN_FIELDS) {
      if (input[field] !== undefined) Object.assign(connection, { [field]: input[field] });
    }
    if (input.endpoint) connection.endpoint = checkedEndpoint(input.endpoint);
    const secrets: ConnectionSecrets = { ...current };
    for (const field of SECRET_FIELDS) {
      if (input[field] !== undefined) secrets[field] = input[field] || null;
    }
    const kept = Object.fromEntries(Object.entries(secrets).filter(([, value]) => !!value));
    connection.secrets_sealed =
      Object.keys(kept).length > 0 ? await this.secretBox.seal(JSON.stringify(kept)) : null;
    return secrets;
  }

  /**
   * 400 naming what a provider needs and is missing, or the provider's own message when it
   * refuses the credentials; else `cached_available_models` becomes the models it lists.
   */
  private async checkCredentials(
    connection: ModelProviderConnection,
    secrets: ConnectionSecrets,
    givenModels: string | null | undefined,
  ): Promise<void> {
    if (!LLM_PROVIDERS.includes(connection.provider)) {
      throw new ValidationFailedException({ provider: ['Unknown provider.'] });
    }
    const missing = REQUIRED_FIELDS[connection.provider].filter(
      (field) =>
        !(
          secrets[field as keyof ConnectionSecrets] ??
          connection[field as keyof ModelProviderConnection]
        ),
    );
    if (missing.length > 0) {
      throw new ValidationFailedException(
        Object.fromEntries(
          missing.map((field) => [field, [`This field is required for ${connection.provider}.`]]),
        ),
      );
    }
    const settings: ProviderSettings = { ...(await this.settingsOf(connection)), secrets };
    let models: string[];
    try {
      models = await this.providers.for(settings).listModels();
    } catch (error) {
      if (!(error instanceof LlmProviderError)) throw error;
      // A custom endpoint may not list models: the ones the user names are taken instead.
      if (connection.provider === 'Custom' && error.kind !== 'auth' && givenModels) {
        connection.cached_available_models = givenModels;
        return;
      }
      throw new ValidationFailedException({
        [credentialField(connection)]: [
          `${connection.provider} refused the connection: ${error.message}`,
        ],
      });
    }
    connection.cached_available_models = modelsText(
      models.length > 0
        ? models
        : this.availableModels({ cached_available_models: givenModels ?? null }),
    );
  }
}

function refuseInternal(input: ModelProviderConnectionInputDto): void {
  if (input.is_internal) {
    throw new ValidationFailedException({
      is_internal: ['Internal connections are provided by the platform and cannot be created.'],
    });
  }
}

function credentialField(connection: ModelProviderConnection): string {
  if (connection.provider === 'VertexAI') return 'google_application_credentials';
  if (connection.provider === 'Custom') return 'endpoint';
  return 'api_key';
}

/** The ids comma-separated, as many whole ids as fit the column. */
function modelsText(models: string[]): string {
  let text = '';
  for (const model of [...new Set(models)]) {
    const next = text ? `${text},${model}` : model;
    if (next.length > MAX_MODELS_TEXT) break;
    text = next;
  }
  return text;
}

function checkedEndpoint(endpoint: string): string {
  try {
    return OutboundHttp.httpUrl(endpoint.trim()).toString().replace(/\/+$/, '');
  } catch (error) {
    throw new ValidationFailedException({
      endpoint: [error instanceof OutboundHttpError ? error.message : 'Enter a valid URL.'],
    });
  }
}
