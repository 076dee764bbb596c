/** Bad filter input: the message goes to the field it names (a 400). */
export class FilterError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

const MAX_SEARCH_WORDS = 20;

/**
 * A search expression over the request URL as groups of words: an entry matches when its URL
 * contains every word of at least one group. `OR` separates groups; `AND`, or nothing, joins the
 * words of a group (`projects AND tasks OR webhooks` = [[projects, tasks], [webhooks]]).
 */
export function searchGroups(expression: string): string[][] {
  const groups = expression
    .split(/\s+OR\s+/)
    .map((group) =>
      group
        .split(/\s+AND\s+|\s+/)
        .map((word) => word.trim())
        .filter((word) => word && word !== 'AND' && word !== 'OR'),
    )
    .filter((words) => words.length > 0);
  if (groups.flat().length > MAX_SEARCH_WORDS) {
    throw new FilterError('search', `At most ${MAX_SEARCH_WORDS} words.`);
  }
  return groups;
}

/** A LIKE pattern (with `\` as the escape character) matching text that contains `word`. */
export function containsPattern(word: string): string {
  return `%${word.toLowerCase().replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME =
  /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)(Z|[+-]\d{2}:?\d{2}| \d{2}:?\d{2})?$/i;

/**
 * An ISO-8601 date or date-time of a query parameter as an instant. Without an offset it is UTC;
 * an offset's `+` read back as a space (unencoded in a query string) is understood. A date alone
 * is the start of that day, or with `endOfDay` its last millisecond.
 */
export function instantOf(field: string, text: string, endOfDay = false): Date {
  const value = text.trim();
  let instant: number;
  if (DATE_ONLY.test(value)) {
    instant = Date.parse(`${value}T00:00:00Z`);
    if (endOfDay) instant += 86_400_000 - 1;
  } else {
    const parts = DATE_TIME.exec(value);
    const time = parts?.[2].replace(/(\.\d{3})\d+$/, '$1');
    const offset = (parts?.[3] ?? 'Z')
      .toUpperCase()
      .replace(/^ /, '+')
      .replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
    instant = parts ? Date.parse(`${parts[1]}T${time}${offset}`) : NaN;
  }
  // Date.parse rolls 2024-02-30 over to March: a date that does not exist is refused.
  const day = DATE_ONLY.test(value) ? value : DATE_TIME.exec(value)?.[1];
  if (!Number.isFinite(instant) || !day || !isCalendarDate(day)) {
    throw new FilterError(field, 'An ISO-8601 date or date-time is expected.');
  }
  return new Date(instant);
}

function isCalendarDate(day: string): boolean {
  const [year, month, date] = day.split('-').map(Number);
  const parsed = new Date(Date.UTC(year, month - 1, date));
  return parsed.getUTCMonth() === month - 1 && parsed.getUTCDate() === date;
}

/** Fields `ordering` may name (with `-` for descending), as the entries show them. */
export const ORDERABLE_FIELDS = [
  'id',
  'datetime',
  'user_id',
  'email',
  'request_method',
  'request_url',
  'response_code',
  'duration',
  'ip_address',
  'project_id',
  'organization_id',
  'workspace_owner_id',
] as const;
export type OrderableField = (typeof ORDERABLE_FIELDS)[number];

export interface OrderKey {
  field: OrderableField;
  direction: 'ASC' | 'DESC';
}

/** `-datetime,email` as keys, ending with `id` so pages never overlap; newest first by default. */
export function orderKeysOf(ordering: string | undefined): OrderKey[] {
  const names = (ordering ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  const keys = (names.length > 0 ? names : ['-datetime']).map((name): OrderKey => {
    const field = name.replace(/^-/, '');
    if (!(ORDERABLE_FIELDS as readonly string[]).includes(field)) {
      throw new FilterError('ordering', `Cannot order by "${field}".`);
    }
    return { field: field as OrderableField, direction: name.startsWith('-') ? 'DESC' : 'ASC' };
  });
  if (!keys.some((key) => key.field === 'id'))
    keys.push({ field: 'id', direction: keys[0].direction });
  return keys;
}
