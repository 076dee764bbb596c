import { FilterType } from './prepare-params';

/** How the values of a column compare: the SQL type both sides are brought to. */
export type ValueKind = 'number' | 'datetime' | 'boolean' | 'text';

export function valueKindOfType(type: FilterType): ValueKind {
  switch (type) {
    case 'Number':
    case 'Time':
      return 'number';
    case 'Datetime':
    case 'Date':
      return 'datetime';
    case 'Boolean':
      return 'boolean';
    default:
      return 'text';
  }
}

/** A plain decimal number, as text: what `data` strings must look like to compare as numbers. */
export const NUMERIC_TEXT =
  '^[+-]?([0-9]{1,200}([.][0-9]{0,200})?|[.][0-9]{1,200})([eE][+-]?[0-9]{1,3})?$';

/** ISO 8601 instants (date, optional time, optional `Z` or offset), fields in their ranges. */
export const ISO_INSTANT =
  '^([0-9]{4})-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])' +
  '([T ]([01][0-9]|2[0-3]):([0-5][0-9])(:([0-5][0-9])([.][0-9]{1,6})?)?)?' +
  '(Z|([+-])([01][0-9]|2[0-3]):([0-5][0-9]))?$';

/** Milliseconds since the epoch of an ISO instant (no offset: UTC), or null. */
export function instantOf(text: string): number | null {
  const match = new RegExp(ISO_INSTANT).exec(text);
  if (!match) return null;
  const [
    ,
    year,
    month,
    day,
    ,
    hour,
    minute,
    ,
    second,
    fraction,
    ,
    sign,
    offsetHours,
    offsetMinutes,
  ] = match;
  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, leaves years 0-99 as they are.
  date.setUTCFullYear(Number(year), Number(month) - 1, Number(day));
  date.setUTCHours(Number(hour ?? 0), Number(minute ?? 0), Number(second ?? 0));
  const utc = date.getTime() + Math.floor(Number(`0${fraction ?? '.0'}`) * 1000);
  const offset =
    sign === undefined
      ? 0
      : (sign === '-' ? -1 : 1) * (Number(offsetHours) * 60 + Number(offsetMinutes)) * 60_000;
  return utc - offset;
}

/** A JSON number or a numeric string as a number, else null. */
export function numberOf(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && new RegExp(NUMERIC_TEXT).test(value)) {
    const parsed = Number(value);
    return Number.isFinite(parsed) ? parsed : null;
  }
  return null;
}
