import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { Repository } from 'typeorm';
import { AuthContext, OrganizationScope, SecretBox } from '@ls/auth';
import { OutboundHttp, ValidationFailedException } from '@ls/core';
import {
  ProjectsService,
  ProjectWebhooks,
  ProjectWebhookSource,
  ProjectWebhookTarget,
} from '@ls/projects';
import { WebhookCreateDto, WebhookPatchDto } from '../http/webhook.dto';
import { isOrganizationOnly, WebhookActionName } from './webhook-actions';
import { Webhook } from './webhook.entity';
import { WebhookInterest } from './webhook-interest';

const MAX_HEADERS = 10;
const HEADER_NAME = /^[a-zA-Z0-9-_]+$/;

/** A webhook as stored, and the secret when it was just made (shown once). */
export interface WrittenWebhook {
  webhook: Webhook;
  secret?: string;
}

/**
 * Webhooks of the caller's organization: CRUD with Label Studio's rules, and the project webhooks
 * other libraries keep through the `ProjectWebhooks` port (a model server's `/webhook`).
 */
@Injectable()
export class WebhooksService implements ProjectWebhookSource, OnModuleInit {
  private readonly scope: OrganizationScope<Webhook>;

  constructor(
    @InjectRepository(Webhook) private readonly webhooks: Repository<Webhook>,
    private readonly projects: ProjectsService,
    private readonly secrets: SecretBox,
    private readonly port: ProjectWebhooks,
    private readonly interest: WebhookInterest,
  ) {
    this.scope = new OrganizationScope(webhooks);
  }

  onModuleInit(): void {
    this.port.register(this);
  }

  async list(auth: AuthContext, projectId?: number): Promise<Webhook[]> {
    return this.scope.find(auth, projectId === undefined ? {} : { project_id: projectId }, {
      order: { id: 'ASC' },
    });
  }

  get(auth: AuthContext, id: number): Promise<Webhook> {
    return this.scope.findOneOr404(auth, { id });
  }

  async create(auth: AuthContext, input: WebhookCreateDto): Promise<WrittenWebhook> {
    const projectId = input.project ?? null;
    if (projectId !== null) await this.projects.getReferenced(auth, projectId);
    return this.store(auth.organizationId, projectId, input);
  }

  /** A new webhook with Label Studio's defaults for what `input` leaves out. */
  private async store(
    organizationId: number,
    projectId: number | null,
    input: Omit<WebhookCreateDto, 'project'>,
  ): Promise<WrittenWebhook> {
    const secret = input.secret ?? randomBytes(32).toString('hex');
    const webhook = this.webhooks.create({
      organization_id: organizationId,
      project_id: projectId,
      url: checkedUrl(input.url),
      send_payload: input.send_payload ?? true,
      send_for_all_actions: input.send_for_all_actions ?? true,
      headers: checkedHeaders(input.headers ?? {}),
      is_active: input.is_active ?? true,
      actions: checkedActions(input.actions ?? [], projectId),
      sealed_secret: await this.secrets.seal(secret),
      consecutive_failures: 0,
    });
    const stored = await this.webhooks.save(webhook);
    this.interest.forget(organizationId);
    return { webhook: stored, secret };
  }

  /** PUT and PATCH; turning a webhook back on forgets its failures. */
  async update(auth: AuthContext, id: number, input: WebhookPatchDto): Promise<WrittenWebhook> {
    const webhook = await this.get(auth, id);
    if (input.url !== undefined) webhook.url = checkedUrl(input.url);
    if (input.send_payload !== undefined) webhook.send_payload = input.send_payload;
    if (input.send_for_all_actions !== undefined) {
      webhook.send_for_all_actions = input.send_for_all_actions;
    }
    if (input.headers !== undefined) webhook.headers = checkedHeaders(input.headers);
    if (input.actions !== undefined) {
      webhook.actions = checkedActions(input.actions, webhook.project_id);
    }
    if (input.is_active !== undefined) {
      if (input.is_active && !webhook.is_active) webhook.consecutive_failures = 0;
      webhook.is_active = input.is_active;
    }
    if (input.secret !== undefined) webhook.sealed_secret = await this.secrets.seal(input.secret);
    const stored = await this.webhooks.save(webhook);
    this.interest.forget(auth.organizationId);
    return { webhook: stored, secret: input.secret };
  }

  async delete(auth: AuthContext, id: number): Promise<void> {
    const webhook = await this.get(auth, id);
    await this.webhooks.delete({ id: webhook.id });
    this.interest.forget(auth.organizationId);
  }

  async remove(target: ProjectWebhookTarget): Promise<void> {
    await this.webhooks.delete({
      organization_id: target.organizationId,
      project_id: target.projectId,
      url: target.url,
    });
    this.interest.forget(target.organizationId);
  }

  async ensure(target: ProjectWebhookTarget): Promise<void> {
    const existing = await this.webhooks.findOneBy({
      organization_id: target.organizationId,
      project_id: target.projectId,
      url: target.url,
    });
    if (existing) return;
    await this.store(target.organizationId, target.projectId, { url: target.url });
  }
}

function checkedUrl(url: string): string {
  try {
    OutboundHttp.httpUrl(url);
  } catch {
    throw new ValidationFailedException({ url: ['Enter a valid URL.'] });
  }
  return url;
}

/** At most ten headers, names of letters, digits, `-` and `_`, string values. */
function checkedHeaders(headers: Record<string, unknown>): Record<string, string> {
  const entries = Object.entries(headers);
  if (entries.length > MAX_HEADERS) {
    throw new ValidationFailedException({ headers: [`At most ${MAX_HEADERS} headers.`] });
  }
  for (const [name, value] of entries) {
    if (!HEADER_NAME.test(name)) {
      throw new ValidationFailedException({
        headers: [`Header name "${name}" may contain only letters, digits, "-" and "_".`],
      });
    }
    if (typeof value !== 'string') {
      throw new ValidationFailedException({ headers: [`Header "${name}" must be a string.`] });
    }
  }
  return headers as Record<string, string>;
}

function checkedActions(actions: WebhookActionName[], projectId: number | null) {
  if (projectId !== null && actions.some(isOrganizationOnly)) {
    throw new ValidationFailedException({
      actions: ["Project webhook can't contain organization-only action."],
    });
  }
  return actions;
}
