import { createHash } from 'node:crypto';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { DataSource, SelectQueryBuilder } from 'typeorm';
import { dialectOfManager } from '@ls/core';
import { countOf } from '@ls/projects';
import { Task } from '@ls/tasks';
import { FilterItem, PrepareParams } from '../query/prepare-params';
import { columnNameOf, filtersOnTaskRow } from '../query/task-columns';

export interface TaskTotalsRow {
  total: number;
  total_annotations: number;
  total_predictions: number;
}

interface KnownTotals {
  version: string;
  totals: TaskTotalsRow;
}

/** The project's version: its slots and their values (none before its tasks first change). */
const versionOfProject = (placeholder: string) =>
  `SELECT string_agg(v.slot || ':' || v.version, ',' ORDER BY v.slot)` +
  ` FROM task_list_version v WHERE v.project_id = ${placeholder}`;

/** How many distinct selections' totals one process keeps. */
const KEPT_SELECTIONS = 2000;

/**
 * The totals of a task list selection: one COUNT over the same compiled WHERE as the page.
 *
 * Scrolling the data manager asks for page after page of one filter, and each page wants the
 * totals again: at a million tasks the COUNT costs far more than the page. On PostgreSQL a
 * version per project, moved by triggers on every committed task change, lets a process keep the
 * totals of a selection until the project's tasks change. The version is read in the same
 * statement as the totals (one snapshot), and again before each use: a change committed at any
 * time since shows as a different version. Only selections whose filters read the task row
 * alone are kept: filters on annotations, predictions or other tables count afresh each time.
 */
@Injectable()
export class TaskTotals implements OnModuleInit {
  private readonly known = new LRUCache<string, KnownTotals>({ max: KEPT_SELECTIONS });
  private versioned = false;

  constructor(private readonly dataSource: DataSource) {}

  /** Versions exist where the migrations made them (not on SQLite, not on a synchronized schema). */
  async onModuleInit(): Promise<void> {
    if (dialectOfManager(this.dataSource.manager) !== 'postgres') return;
    const [row] = await this.dataSource.query(
      "SELECT to_regclass('task_list_version') IS NOT NULL AS versioned",
    );
    this.versioned = row?.versioned === true;
  }

  /** `keep: false`: a selection whose rows depend on more than the project's tasks. */
  async of(
    selected: SelectQueryBuilder<Task>,
    projectId: number,
    { params, keep = true }: { params: PrepareParams; keep?: boolean },
  ): Promise<TaskTotalsRow> {
    const totals = selected
      .orderBy()
      .select('COUNT(*)', 'total')
      .addSelect('COALESCE(SUM(task.total_annotations), 0)', 'total_annotations')
      .addSelect('COALESCE(SUM(task.total_predictions), 0)', 'total_predictions');
    if (!keep || !this.versioned || !params.filters.items.every(readsTaskRowOnly)) {
      return totalsOf(await totals.getRawOne());
    }
    const [sql, parameters] = totals.getQueryAndParameters();
    const key = createHash('sha256')
      .update(JSON.stringify([projectId, sql, parameters]))
      .digest('base64');
    const known = this.known.get(key);
    if (known && known.version === (await this.versionOf(projectId))) {
      return known.totals;
    }
    const row = await totals
      .addSelect(`(${versionOfProject(':totalsProject')})`, 'version')
      .setParameter('totalsProject', projectId)
      .getRawOne<Record<string, unknown>>();
    const counted = totalsOf(row);
    this.known.set(key, { version: String(row?.['version'] ?? ''), totals: counted });
    return counted;
  }

  private async versionOf(projectId: number): Promise<string> {
    const [row] = await this.dataSource.query(`SELECT (${versionOfProject('$1')}) AS version`, [
      projectId,
    ]);
    return String(row?.version ?? '');
  }
}

function readsTaskRowOnly(item: FilterItem): boolean {
  const child = item.child_filter;
  return filtersOnTaskRow(columnNameOf(item.filter)) && (!child || readsTaskRowOnly(child));
}

function totalsOf(row: Record<string, unknown> | undefined): TaskTotalsRow {
  return {
    total: countOf(row?.['total']),
    total_annotations: countOf(row?.['total_annotations']),
    total_predictions: countOf(row?.['total_predictions']),
  };
}
