import { ArrayMaxSize } from 'class-validator';
import { ValidationFailedException } from '../http/validation-failed.exception';
import { DatabaseDialect } from './dialect';

/** Most ids one list of a request may carry; more is a 400 naming the list. */
export const MAX_IDS_PER_REQUEST = 10_000;

/**
 * Ids bound in one `IN (...)` statement: far below what either database accepts (SQLite 32,766
 * variables, PostgreSQL 65,535 parameters), leaving room for a statement's other parameters.
 */
export const IDS_PER_STATEMENT = 1_000;

/** Label Studio's (Django REST framework's) words for a list over its length. */
export const tooManyIdsMessage = (max = MAX_IDS_PER_REQUEST) =>
  `Ensure this field has no more than ${max} elements.`;

/** Validation of a request DTO's id list: at most {@link MAX_IDS_PER_REQUEST} entries. */
export const MaxIds = (): PropertyDecorator =>
  ArrayMaxSize(MAX_IDS_PER_REQUEST, { message: tooManyIdsMessage() });

/** The same check for lists read outside a DTO (comma lists, raw bodies): a 400 on `field`. */
export function assertIdListSize(field: string, ids: readonly unknown[]): void {
  if (ids.length > MAX_IDS_PER_REQUEST) {
    throw new ValidationFailedException({ [field]: [tooManyIdsMessage()] });
  }
}

/** `items` cut in consecutive slices of at most `size`. */
export function chunksOf<T>(items: readonly T[], size = IDS_PER_STATEMENT): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) {
    chunks.push(items.slice(start, start + size));
  }
  return chunks;
}

/**
 * Runs `query` once per chunk of `ids` (an `IN (...)` list of any length from the data) and
 * concatenates the rows, in chunk order. Each call binds at most {@link IDS_PER_STATEMENT} ids.
 */
export async function queryInChunks<Id, Row>(
  ids: readonly Id[],
  query: (chunk: Id[]) => Promise<Row[]>,
  size = IDS_PER_STATEMENT,
): Promise<Row[]> {
  const rows: Row[] = [];
  for (const chunk of chunksOf(ids, size)) {
    for (const row of await query(chunk)) rows.push(row);
  }
  return rows;
}

/**
 * `column` is one of `ids`, as a query builder condition with a single bound parameter whatever
 * the number of ids (PostgreSQL: an integer array; SQLite: JSON text read by `json_each`), for a
 * statement that must see them all at once (one `ORDER BY`, one `LIMIT`). `ids` are integers
 * already checked, at most {@link MAX_IDS_PER_REQUEST}.
 */
export function idAmong(
  dialect: DatabaseDialect,
  column: string,
  ids: readonly number[],
  parameter = 'ids',
): { condition: string; parameters: Record<string, unknown> } {
  return dialect === 'postgres'
    ? { condition: `${column} = ANY(:${parameter})`, parameters: { [parameter]: [...ids] } }
    : {
        condition: `${column} IN (SELECT value FROM json_each(:${parameter}))`,
        parameters: { [parameter]: JSON.stringify(ids) },
      };
}
