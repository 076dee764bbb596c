import { ForbiddenException } from '@nestjs/common';
import { Brackets, Repository, SelectQueryBuilder } from 'typeorm';
import { AuthContext, OrganizationScope } from '@ls/auth';
import { ConnectionScope, ModelProviderConnection } from './model-provider-connection.entity';

/**
 * The prompts (ids) a caller may see, for `Model`-scoped connections bound to one; provided by
 * the prompts feature once it exists. Without it only the creator sees such a connection.
 */
export type PromptVisibility = (auth: AuthContext) => Promise<number[] | 'all'>;

const ADMIN_ROLES = new Set(['OW', 'AD']);

/** Whether the caller's organization role administers organization-wide connections. */
export function administers(auth: AuthContext): boolean {
  return ADMIN_ROLES.has(auth.role);
}

/**
 * Who sees which connection: `Organization` ones everyone who may use Prompts in the
 * organization, `User` ones only their creator, `Model` ones their creator and whoever sees the
 * prompt they are bound to. Another organization's connection is never found.
 */
export class ConnectionAccess {
  private promptVisibility: PromptVisibility | null = null;

  constructor(private readonly repository: Repository<ModelProviderConnection>) {}

  usePromptVisibility(visibility: PromptVisibility): void {
    this.promptVisibility = visibility;
  }

  async visible(
    auth: AuthContext,
    alias = 'connection',
  ): Promise<SelectQueryBuilder<ModelProviderConnection>> {
    const prompts = this.promptVisibility ? await this.promptVisibility(auth) : [];
    const query = OrganizationScope.restrict(
      this.repository.createQueryBuilder(alias),
      alias,
      auth,
    ).leftJoinAndSelect(`${alias}.created_by`, 'creator');
    return query.andWhere(
      new Brackets((where) => {
        where
          .where(`${alias}.scope = :organizationScope`, { organizationScope: 'Organization' })
          .orWhere(`${alias}.created_by_id = :callerId`, { callerId: auth.user.id });
        if (prompts === 'all') {
          where.orWhere(`(${alias}.scope = :modelScope AND ${alias}.prompt_id IS NOT NULL)`, {
            modelScope: 'Model',
          });
        } else if (prompts.length > 0) {
          where.orWhere(
            `(${alias}.scope = :modelScope AND ${alias}.prompt_id IN (:...promptIds))`,
            {
              modelScope: 'Model',
              promptIds: prompts,
            },
          );
        }
      }),
    );
  }

  /**
   * 403 unless the caller may change `connection` into `targetScope`: internal ones never,
   * organization-wide ones administrators only, the others their creator (or an administrator).
   */
  assertMayChange(
    auth: AuthContext,
    connection: Pick<ModelProviderConnection, 'is_internal' | 'scope' | 'created_by_id'> | null,
    targetScope: ConnectionScope,
  ): void {
    if (connection?.is_internal) {
      throw new ForbiddenException('Internal model provider connections cannot be changed.');
    }
    const scopes = new Set([targetScope, connection?.scope ?? targetScope]);
    if (scopes.has('Organization') && !administers(auth)) {
      throw new ForbiddenException(
        'Only administrators and owners manage organization-wide model provider connections.',
      );
    }
    if (connection && connection.created_by_id !== auth.user.id && !administers(auth)) {
      throw new ForbiddenException('Only its creator can change this model provider connection.');
    }
  }
}
