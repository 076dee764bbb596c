import { EntityManager } from 'typeorm';
import { BoundSql, chunksOf, dialectOfManager } from '@ls/core';

/** Rows written by one statement: 3 values each, far below either database's parameter cap. */
const ROWS_PER_STATEMENT = 1_000;

/**
 * Creates the tags of `labels` the organization does not have yet (insert-or-ignore on the
 * unique organization + label key, so concurrent or repeated calls never duplicate one) and
 * returns the ids of those it created.
 */
export async function insertMissingTags(
  manager: EntityManager,
  organizationId: number,
  createdById: number | null,
  labels: readonly string[],
): Promise<number[]> {
  const created: number[] = [];
  for (const chunk of chunksOf([...new Set(labels)], ROWS_PER_STATEMENT)) {
    const sql = new BoundSql(dialectOfManager(manager));
    const values = chunk
      .map((label) => `(${sql.bind(organizationId)}, ${sql.bind(label)}, ${sql.bind(createdById)})`)
      .join(', ');
    const { sql: text, values: bound } = sql.statement(
      `INSERT INTO "organization_member_tag" ("organization_id", "label", "created_by_id") ` +
        `VALUES ${values} ON CONFLICT ("organization_id", "label") DO NOTHING RETURNING "id"`,
    );
    const rows: { id: number }[] = await manager.query(text, bound);
    for (const row of rows) created.push(Number(row.id));
  }
  return created;
}

/** The organization's tags among `labels`, by label. */
export async function tagIdsByLabel(
  manager: EntityManager,
  organizationId: number,
  labels: readonly string[],
): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const chunk of chunksOf([...new Set(labels)], ROWS_PER_STATEMENT)) {
    const sql = new BoundSql(dialectOfManager(manager));
    const { sql: text, values } = sql.statement(
      `SELECT "id", "label" FROM "organization_member_tag" ` +
        `WHERE "organization_id" = ${sql.bind(organizationId)} AND "label" IN (${sql.list(chunk)})`,
    );
    const rows: { id: number; label: string }[] = await manager.query(text, values);
    for (const row of rows) ids.set(row.label, Number(row.id));
  }
  return ids;
}

export interface TagPair {
  tagId: number;
  userId: number;
}

/**
 * Puts each tag on its user unless it is there already (insert-or-ignore on the unique tag +
 * user key); returns how many assignments it created.
 */
export async function insertMissingAssignments(
  manager: EntityManager,
  organizationId: number,
  pairs: readonly TagPair[],
): Promise<number> {
  let created = 0;
  for (const chunk of chunksOf(pairs, ROWS_PER_STATEMENT)) {
    const sql = new BoundSql(dialectOfManager(manager));
    const values = chunk
      .map(
        ({ tagId, userId }) =>
          `(${sql.bind(tagId)}, ${sql.bind(userId)}, ${sql.bind(organizationId)})`,
      )
      .join(', ');
    const { sql: text, values: bound } = sql.statement(
      `INSERT INTO "organization_member_tag_assignment" ("tag_id", "user_id", "organization_id") ` +
        `VALUES ${values} ON CONFLICT ("tag_id", "user_id") DO NOTHING RETURNING "id"`,
    );
    const rows: unknown[] = await manager.query(text, bound);
    created += rows.length;
  }
  return created;
}

/** Whether `error` is the database refusing a row that repeats a unique key. */
export function isUniqueViolation(error: unknown): boolean {
  const code =
    (error as { code?: string; driverError?: { code?: string } }).driverError?.code ??
    (error as { code?: string }).code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}
