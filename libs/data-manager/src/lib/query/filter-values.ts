import { ValidationFailedException } from '@ls/core';
import { SqlParameters } from './sql-parameters';
import { instantOf, numberOf, ValueKind } from './value-kinds';

const fail = (field: string, message: string): never => {
  throw new ValidationFailedException({ [field]: [message] });
};

/** A filter value in the form the column compares it, or a 400 on `field`. */
export function coerceValue(
  kind: ValueKind,
  value: unknown,
  field: string,
): number | string | boolean {
  switch (kind) {
    case 'number': {
      const number = numberOf(value);
      return number ?? fail(field, 'A valid number is required.');
    }
    case 'datetime': {
      const instant =
        typeof value === 'string' ? instantOf(value) : typeof value === 'number' ? value : null;
      return instant ?? fail(field, 'Datetime has wrong format. Use YYYY-MM-DDThh:mm:ss.sssZ.');
    }
    case 'boolean':
      return booleanOf(value) ?? fail(field, 'Must be a valid boolean.');
    case 'text':
      if (typeof value === 'string') return value;
      if (typeof value === 'number' || typeof value === 'boolean') return String(value);
      return fail(field, 'Not a valid string.');
  }
}

export function booleanOf(value: unknown): boolean | null {
  if (value === true || value === 'true' || value === 1 || value === '1') return true;
  if (value === false || value === 'false' || value === 0 || value === '0') return false;
  return null;
}

/** A bound scalar, typed for PostgreSQL (which cannot infer a parameter's type everywhere). */
export function boundValue(params: SqlParameters, kind: ValueKind, value: unknown): string {
  if (!params.postgres) {
    return params.bind(typeof value === 'boolean' ? (value ? 1 : 0) : value);
  }
  const type = kind === 'text' ? 'text' : kind === 'boolean' ? 'boolean' : 'numeric';
  return `CAST(${params.bind(kind === 'number' || kind === 'datetime' ? String(value) : value)} AS ${type})`;
}

/** `= ANY(...)` / `IN (...)` over a list bound as one parameter. */
export function boundMembership(
  params: SqlParameters,
  kind: ValueKind | 'integer',
  values: readonly unknown[],
): string {
  if (!params.postgres) {
    const stored = values.map((value) => (typeof value === 'boolean' ? (value ? 1 : 0) : value));
    return `IN (SELECT value FROM json_each(${params.bind(JSON.stringify(stored))}))`;
  }
  const type = { text: 'text', boolean: 'boolean', integer: 'bigint' }[kind as string] ?? 'numeric';
  const bound = type === 'numeric' ? values.map(String) : [...values];
  return `= ANY(CAST(${params.bind(bound)} AS ${type}[]))`;
}
