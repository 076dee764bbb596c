import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, Repository, SelectQueryBuilder } from 'typeorm';
import { OrganizationRef, OrganizationScope } from '@ls/auth';
import { ValidationFailedException } from '@ls/core';
import { ActivityLog } from './activity-log.entity';
import {
  containsPattern,
  FilterError,
  instantOf,
  orderKeysOf,
  searchGroups,
} from './activity-log-filters';

/** Which entries to list: `GET /api/activity-logs/`'s filters, already typed. */
export interface ActivityLogFilters {
  method?: string;
  start_date?: string;
  end_date?: string;
  user?: number;
  project?: number;
  workspace?: number;
  search?: string;
  ordering?: string;
}

export interface ActivityLogPaging {
  /** From 1. */
  page?: number;
  /** -1: every entry (up to {@link MAX_LOGS_PER_PAGE}). */
  pageSize?: number;
}

export interface ActivityLogPage {
  logs: ActivityLog[];
  recordsTotal: number;
  recordsFiltered: number;
}

export const DEFAULT_LOGS_PER_PAGE = 100;
/** The most entries one answer carries, `page_size=-1` included. */
export const MAX_LOGS_PER_PAGE = 10_000;

/** Reads the activity log of an organization: filtered, ordered and paged in SQL. */
@Injectable()
export class ActivityLogsService {
  private readonly scope: OrganizationScope<ActivityLog>;

  constructor(@InjectRepository(ActivityLog) repository: Repository<ActivityLog>) {
    this.scope = new OrganizationScope(repository);
  }

  async list(
    organization: OrganizationRef,
    filters: ActivityLogFilters,
    paging: ActivityLogPaging,
  ): Promise<ActivityLogPage> {
    const filtered = this.filtered(organization, filters);
    const orderKeys = this.checked(() => orderKeysOf(filters.ordering));
    const requested = paging.pageSize ?? DEFAULT_LOGS_PER_PAGE;
    const size = requested === -1 ? MAX_LOGS_PER_PAGE : Math.min(requested, MAX_LOGS_PER_PAGE);
    const page = paging.page ?? 1;
    const [recordsTotal, recordsFiltered] = await Promise.all([
      this.scope.count(organization),
      filtered.clone().getCount(),
    ]);
    if (page > Math.max(1, Math.ceil(recordsFiltered / size))) {
      throw new NotFoundException('No more logs found');
    }
    for (const [index, key] of orderKeys.entries()) {
      filtered[index === 0 ? 'orderBy' : 'addOrderBy'](`log.${key.field}`, key.direction);
    }
    const logs = await filtered
      .offset((page - 1) * size)
      .limit(size)
      .getMany();
    return { logs, recordsTotal, recordsFiltered };
  }

  private filtered(
    organization: OrganizationRef,
    filters: ActivityLogFilters,
  ): SelectQueryBuilder<ActivityLog> {
    const query = this.scope.query(organization, 'log');
    if (filters.method && filters.method !== 'all') {
      query.andWhere('log.request_method = :method', { method: filters.method });
    }
    if (filters.start_date !== undefined) {
      const from = this.checked(() => instantOf('start_date', filters.start_date ?? ''));
      query.andWhere('log.datetime >= :from', { from });
    }
    if (filters.end_date !== undefined) {
      const until = this.checked(() => instantOf('end_date', filters.end_date ?? '', true));
      query.andWhere('log.datetime <= :until', { until });
    }
    if (filters.user !== undefined) query.andWhere('log.user_id = :user', { user: filters.user });
    if (filters.project !== undefined) {
      query.andWhere('log.project_id = :project', { project: filters.project });
    }
    if (filters.workspace !== undefined) {
      query.andWhere('log.workspace_owner_id = :workspace', { workspace: filters.workspace });
    }
    const groups = this.checked(() => searchGroups(filters.search ?? ''));
    if (groups.length > 0) query.andWhere(this.searchCondition(groups));
    return query;
  }

  /** Every word of a group in the URL, any group: LIKE patterns bound as parameters. */
  private searchCondition(groups: string[][]): Brackets {
    return new Brackets((any) => {
      groups.forEach((words, g) => {
        any.orWhere(
          new Brackets((all) => {
            words.forEach((word, w) => {
              all.andWhere(`LOWER(log.request_url) LIKE :search_${g}_${w} ESCAPE '\\'`, {
                [`search_${g}_${w}`]: containsPattern(word),
              });
            });
          }),
        );
      });
    });
  }

  private checked<T>(read: () => T): T {
    try {
      return read();
    } catch (error) {
      if (error instanceof FilterError) {
        throw new ValidationFailedException({ [error.field]: [error.message] });
      }
      throw error;
    }
  }
}
