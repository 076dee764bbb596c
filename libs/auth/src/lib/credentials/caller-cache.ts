import { Injectable, OnModuleInit } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { DataSource, EntitySubscriberInterface } from 'typeorm';
import { AppConfig } from '@ls/core';
import { AuthContext } from '../context/auth-context';
import { LegacyToken } from '../entities/legacy-token.entity';
import { JwtSettings } from '../entities/jwt-settings.entity';
import { OrganizationMember } from '../entities/organization-member.entity';
import { Organization } from '../entities/organization.entity';
import { User } from '../entities/user.entity';

export interface ResolvedCaller {
  context: AuthContext;
  legacyTokensEnabled: boolean;
  apiTokensEnabled: boolean;
}

const MAX_CALLERS = 10_000;

/** Tables whose changes can change who a credential resolves to, or whether it still works. */
const CALLER_TABLES: Function[] = [
  User,
  LegacyToken,
  OrganizationMember,
  JwtSettings,
  Organization,
];

/**
 * Callers resolved in the last `AUTH_CACHE_TTL_MS`, by credential (the most recently used
 * `MAX_CALLERS`). Any write through this process to a table a caller is read from empties it at
 * once (an entity subscriber: repository and query-builder writes); other replicas see such a
 * change after at most the TTL.
 */
@Injectable()
export class CallerCache implements OnModuleInit, EntitySubscriberInterface {
  private readonly callers: LRUCache<string, ResolvedCaller> | undefined;

  constructor(
    config: AppConfig,
    private readonly dataSource: DataSource,
  ) {
    const ttl = config.AUTH_CACHE_TTL_MS;
    this.callers = ttl > 0 ? new LRUCache({ max: MAX_CALLERS, ttl }) : undefined;
  }

  onModuleInit(): void {
    if (this.callers) this.dataSource.subscribers.push(this);
  }

  /** A copy of the cached caller, so no request sees another's changes to it. */
  get(credential: string): ResolvedCaller | undefined {
    const cached = this.callers?.get(credential);
    if (!cached) return undefined;
    const { context } = cached;
    return { ...cached, context: { ...context, user: Object.assign(new User(), context.user) } };
  }

  set(credential: string, caller: ResolvedCaller): void {
    this.callers?.set(credential, caller);
  }

  clear(): void {
    this.callers?.clear();
  }

  afterInsert(event: { metadata: { target: unknown } }): void {
    this.clearFor(event.metadata.target);
  }

  afterUpdate(event: { metadata: { target: unknown } }): void {
    this.clearFor(event.metadata.target);
  }

  afterRemove(event: { metadata: { target: unknown } }): void {
    this.clearFor(event.metadata.target);
  }

  afterSoftRemove(event: { metadata: { target: unknown } }): void {
    this.clearFor(event.metadata.target);
  }

  private clearFor(target: unknown): void {
    if (CALLER_TABLES.includes(target as Function)) this.clear();
  }
}
