import { ValidationFailedException } from '@ls/core';
import { boundMembership, boundValue, booleanOf, coerceValue } from './filter-values';
import { ListOperand, Operand, ResultsOperand, ScalarOperand } from './operands';
import { isPortableRegex } from './portable-regex';
import { FilterGroup, FilterItem, FilterOperator, isAppliedFilter } from './prepare-params';
import { SqlParameters } from './sql-parameters';
import { columnNameOf, filterOperand } from './task-columns';

const NOT_SUPPORTED = 'Not supported filter type';

/** Operators Label Studio declares but does not handle: they mean equality or its negation. */
const FALLBACKS: Partial<Record<FilterOperator, FilterOperator>> = {
  exists: 'equal',
  starts_with: 'equal',
  ends_with: 'equal',
  not_exists: 'not_equal',
};

const NEGATIONS: Partial<Record<FilterOperator, FilterOperator>> = {
  not_equal: 'equal',
  not_in: 'in',
  not_in_list: 'in_list',
  not_contains: 'contains',
};

const COMPARISONS: Partial<Record<FilterOperator, string>> = {
  equal: '=',
  less: '<',
  greater: '>',
  less_or_equal: '<=',
  greater_or_equal: '>=',
};

const fail = (field: string, message: string): never => {
  throw new ValidationFailedException({ [field]: [message] });
};

/**
 * Compiles the filters of prepare params to one SQL condition over the alias `task` (null when
 * no item applies), every value a bound parameter in `params`. A negated operator holds for the
 * tasks the positive one does not hold for, tasks without a value included.
 */
export function filtersCondition(params: SqlParameters, filters: FilterGroup): string | null {
  const conditions = filters.items
    .map((item, index) => ({ item, field: `filters.items.${index}` }))
    .filter(({ item }) => isAppliedFilter(item))
    .map(({ item, field }) => itemCondition(params, item, field));
  if (conditions.length === 0) return null;
  return `(${conditions.join(filters.conjunction === 'or' ? ' OR ' : ' AND ')})`;
}

function itemCondition(params: SqlParameters, item: FilterItem, field: string): string {
  const column = columnNameOf(item.filter);
  const operand = filterOperand(params, column, item.type, `${field}.filter`);
  const operator = FALLBACKS[item.operator] ?? item.operator;
  let condition: string;
  if (operator === 'empty') {
    const empty = booleanOf(item.value) ?? fail(`${field}.value`, 'Must be a valid boolean.');
    condition = empty ? `(${operand.emptySql})` : `(NOT (${operand.emptySql}))`;
  } else {
    const positive = NEGATIONS[operator];
    const indexed = indexedEquality(operand, positive ?? operator, item.value, `${field}.value`);
    if (indexed) {
      // Never NULL, and outside a COALESCE, where the planner can match it to an index.
      condition = positive ? `(NOT ${indexed})` : indexed;
    } else {
      const test = positiveCondition(params, operand, positive ?? operator, item.value, field);
      condition = positive ? `(NOT COALESCE(${test}, FALSE))` : `COALESCE(${test}, FALSE)`;
    }
  }
  const child = item.child_filter;
  if (child && isAppliedFilter(child)) {
    condition = `(${condition} AND ${itemCondition(params, child, `${field}.child_filter`)})`;
  }
  return condition;
}

/** The operand's index-friendly form of a text equality, when it has one for this value. */
function indexedEquality(
  operand: Operand,
  operator: FilterOperator,
  value: unknown,
  valueField: string,
): string | null {
  if (operand.kind !== 'scalar' || operand.valueKind !== 'text' || operator !== 'equal') {
    return null;
  }
  return operand.indexedTextEquality?.(textOf(value, valueField)) ?? null;
}

function positiveCondition(
  params: SqlParameters,
  operand: Operand,
  operator: FilterOperator,
  value: unknown,
  field: string,
): string {
  switch (operand.kind) {
    case 'scalar':
      return scalarCondition(params, operand, operator, value, field);
    case 'list':
      return listCondition(params, operand, operator, value, field);
    case 'results':
      return resultsCondition(params, operand, operator, value, field);
  }
}

function scalarCondition(
  params: SqlParameters,
  operand: ScalarOperand,
  operator: FilterOperator,
  value: unknown,
  field: string,
): string {
  const valueField = `${field}.value`;
  const kind = operand.valueKind;
  const compared = params.postgres && kind === 'text' ? `${operand.sql} COLLATE "C"` : operand.sql;
  const bound = (raw: unknown) => boundValue(params, kind, coerceValue(kind, raw, valueField));
  const comparison = COMPARISONS[operator];
  if (comparison) return `(${compared} ${comparison} ${bound(value)})`;
  switch (operator) {
    case 'in': {
      const range = value as { min?: unknown; max?: unknown } | null;
      if (typeof range !== 'object' || range === null || range.min == null || range.max == null) {
        return fail(valueField, 'Must be an object with "min" and "max".');
      }
      return `(${compared} >= ${bound(range.min)} AND ${compared} <= ${bound(range.max)})`;
    }
    case 'in_list': {
      if (!operand.allowsList) return fail(`${field}.operator`, NOT_SUPPORTED);
      if (!Array.isArray(value)) return fail(valueField, 'Must be a list.');
      const values = value.map((entry) => coerceValue(kind, entry, valueField));
      if (values.length === 0) return 'FALSE';
      return `(${operand.sql} ${boundMembership(params, kind, values)})`;
    }
    case 'contains':
      if (!operand.textSql) return fail(`${field}.operator`, NOT_SUPPORTED);
      return textContains(params, operand.textSql, textOf(value, valueField));
    case 'regex':
      if (!operand.textSql) return fail(`${field}.operator`, NOT_SUPPORTED);
      return regexMatch(params, operand.textSql, value, valueField);
    default:
      return fail(`${field}.operator`, NOT_SUPPORTED);
  }
}

function listCondition(
  params: SqlParameters,
  operand: ListOperand,
  operator: FilterOperator,
  value: unknown,
  field: string,
): string {
  if (operator !== 'contains') return fail(`${field}.operator`, NOT_SUPPORTED);
  const values = Array.isArray(value) ? value : [value];
  if (values.length === 0) return 'FALSE';
  if (operand.memberKind === 'user') {
    if (!values.every((entry) => Number.isSafeInteger(entry))) {
      return fail(`${field}.value`, 'User filter values must be integer ids.');
    }
    return operand.member(boundMembership(params, 'integer', values));
  }
  const texts = values.map((entry) => coerceValue('text', entry, `${field}.value`));
  return operand.member(boundMembership(params, 'text', texts));
}

function resultsCondition(
  params: SqlParameters,
  operand: ResultsOperand,
  operator: FilterOperator,
  value: unknown,
  field: string,
): string {
  const valueField = `${field}.value`;
  switch (operator) {
    case 'contains': {
      const text = textOf(value, valueField);
      return operand.anyRow((resultText) => textContains(params, resultText, text));
    }
    case 'regex':
      return operand.anyRow((resultText) => regexMatch(params, resultText, value, valueField));
    case 'equal': {
      const json = parsedJson(value);
      if (json === undefined) return 'FALSE';
      const bound = params.bind(json);
      return operand.anyRow((_text, result) =>
        params.postgres
          ? `${result} = CAST(${bound} AS jsonb)`
          : `json(${result}) = json(${bound})`,
      );
    }
    default:
      return fail(`${field}.operator`, NOT_SUPPORTED);
  }
}

/** The value as canonical JSON text: a string is parsed first; unparseable: undefined. */
function parsedJson(value: unknown): string | undefined {
  try {
    return JSON.stringify(typeof value === 'string' ? JSON.parse(value) : value);
  } catch {
    return undefined;
  }
}

const textOf = (value: unknown, field: string) => String(coerceValue('text', value, field));

function textContains(params: SqlParameters, text: string, value: string): string {
  const bound = params.bind(value);
  return params.postgres
    ? `(strpos(lower(${text}), lower(CAST(${bound} AS text))) > 0)`
    : `(instr(lower(${text}), lower(${bound})) > 0)`;
}

function regexMatch(params: SqlParameters, text: string, value: unknown, field: string): string {
  const pattern = textOf(value, field);
  if (!isPortableRegex(pattern)) return 'FALSE';
  const bound = params.bind(pattern);
  return params.postgres ? `(${text} ~ CAST(${bound} AS text))` : `regexp(${bound}, ${text})`;
}
