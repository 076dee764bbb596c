import { Injectable } from '@nestjs/common';

/** A project webhook that another library keeps for a URL of its own (a model server's). */
export interface ProjectWebhookTarget {
  organizationId: number;
  projectId: number;
  url: string;
}

export interface ProjectWebhookSource {
  /** Subscribes `url` to every action of the project, unless such a webhook exists already. */
  ensure(target: ProjectWebhookTarget): Promise<void>;
  /** Removes the project's webhooks to `url`. */
  remove(target: ProjectWebhookTarget): Promise<void>;
}

/**
 * Where the webhooks library plugs in, so that libraries beside it (ML backends) can keep a
 * project webhook without importing it. Until it registers, both calls do nothing.
 */
@Injectable()
export class ProjectWebhooks {
  private source?: ProjectWebhookSource;

  register(source: ProjectWebhookSource): void {
    this.source = source;
  }

  async ensure(target: ProjectWebhookTarget): Promise<void> {
    await this.source?.ensure(target);
  }

  async remove(target: ProjectWebhookTarget): Promise<void> {
    await this.source?.remove(target);
  }
}
