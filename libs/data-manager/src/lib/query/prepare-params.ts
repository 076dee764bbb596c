import {
  MAX_IDS_PER_REQUEST,
  tooManyIdsMessage,
  ValidationFailedException,
  isJsonObject,
} from '@ls/core';

export const FILTER_OPERATORS = [
  'equal',
  'not_equal',
  'less',
  'greater',
  'less_or_equal',
  'greater_or_equal',
  'in',
  'not_in',
  'in_list',
  'not_in_list',
  'contains',
  'not_contains',
  'regex',
  'empty',
  'exists',
  'not_exists',
  'starts_with',
  'ends_with',
] as const;
export type FilterOperator = (typeof FILTER_OPERATORS)[number];

/** Column types of the data manager UI (`Filters/types/*.jsx` and object tag types). */
export const FILTER_TYPES = [
  'String',
  'Number',
  'Datetime',
  'Date',
  'Time',
  'Boolean',
  'List',
  'Unknown',
  'Image',
  'Audio',
  'AudioPlus',
  'Video',
  'Text',
  'HyperText',
  'TimeSeries',
  'Paragraphs',
  'Table',
] as const;
export type FilterType = (typeof FILTER_TYPES)[number];

export type FilterConjunction = 'and' | 'or';

export interface FilterItem {
  filter: string;
  operator: FilterOperator;
  type: FilterType;
  value: unknown;
  child_filter?: FilterItem;
}

export interface FilterGroup {
  conjunction: FilterConjunction;
  items: FilterItem[];
}

export type SelectedItems = { all: true; excluded: number[] } | { all: false; included: number[] };

/** The query protocol of Label Studio's data manager (behavior.md 6.1). */
export interface PrepareParams {
  filters: FilterGroup;
  selectedItems: SelectedItems;
  ordering: string[];
}

/** Most filter items a request or a view holds; the UI adds them one by one. */
export const MAX_FILTER_ITEMS = 100;
export const FILTER_PREFIX = 'filter:tasks:';
const MAX_TEXT_LENGTH = 10_000;

export const emptyPrepareParams = (): PrepareParams => ({
  filters: { conjunction: 'and', items: [] },
  selectedItems: { all: true, excluded: [] },
  ordering: [],
});

const fail = (field: string, message: string): never => {
  throw new ValidationFailedException({ [field]: [message] });
};

/** PostgreSQL refuses NUL in text: refused here so that it never reaches the database. */
function checkStrings(field: string, value: unknown, depth = 0): void {
  if (depth > 20) fail(field, 'Value is nested too deeply.');
  if (typeof value === 'string') {
    if (value.includes('\u0000')) fail(field, 'Null characters are not allowed.');
    if (value.length > MAX_TEXT_LENGTH) {
      fail(field, `Ensure this field has no more than ${MAX_TEXT_LENGTH} characters.`);
    }
  } else if (Array.isArray(value)) {
    if (value.length > MAX_IDS_PER_REQUEST) fail(field, tooManyIdsMessage());
    value.forEach((entry) => checkStrings(field, entry, depth + 1));
  } else if (isJsonObject(value)) {
    Object.entries(value).forEach(([key, entry]) => {
      checkStrings(field, key, depth + 1);
      checkStrings(field, entry, depth + 1);
    });
  }
}

function parseItem(raw: unknown, field: string): FilterItem {
  if (!isJsonObject(raw)) return fail(field, 'Must be an object.');
  if (typeof raw['filter'] !== 'string') return fail(`${field}.filter`, 'Must be a string.');
  checkStrings(`${field}.filter`, raw['filter']);
  const operator = raw['operator'];
  if (!FILTER_OPERATORS.includes(operator as FilterOperator)) {
    fail(`${field}.operator`, `"${String(operator)}" is not a valid operator.`);
  }
  const type = raw['type'];
  if (!FILTER_TYPES.includes(type as FilterType)) {
    fail(`${field}.type`, `"${String(type)}" is not a valid type.`);
  }
  checkStrings(`${field}.value`, raw['value']);
  const item: FilterItem = {
    filter: raw['filter'],
    operator: operator as FilterOperator,
    type: type as FilterType,
    value: raw['value'] ?? null,
  };
  if (raw['child_filter'] !== undefined && raw['child_filter'] !== null) {
    item.child_filter = parseItem(raw['child_filter'], `${field}.child_filter`);
  }
  return item;
}

/** Label Studio applies only items on task columns that carry a value; the others are skipped. */
export const isAppliedFilter = (item: FilterItem) =>
  item.filter.startsWith(FILTER_PREFIX) && item.value !== null;

function parseFilters(raw: unknown): FilterGroup {
  if (raw === undefined || raw === null) return { conjunction: 'and', items: [] };
  if (!isJsonObject(raw)) return fail('filters', 'Must be an object.');
  const conjunction = raw['conjunction'] ?? 'and';
  if (conjunction !== 'and' && conjunction !== 'or') {
    fail('filters.conjunction', `"${String(conjunction)}" is not a valid conjunction.`);
  }
  const items = raw['items'] ?? [];
  if (!Array.isArray(items)) return fail('filters.items', 'Must be a list.');
  if (items.length > MAX_FILTER_ITEMS) {
    fail('filters.items', `Ensure this field has no more than ${MAX_FILTER_ITEMS} elements.`);
  }
  // Skipped items stay in the list so that error fields keep the request's indexes.
  const parsed = items.map((item, index) => parseItem(item, `filters.items.${index}`));
  return { conjunction: conjunction as FilterConjunction, items: parsed };
}

function parseIds(raw: unknown, field: string): number[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) return fail(field, 'Must be a list.');
  if (raw.length > MAX_IDS_PER_REQUEST) fail(field, tooManyIdsMessage());
  return raw.map((id) => {
    const value = typeof id === 'string' && /^[0-9]{1,15}$/.test(id) ? Number(id) : id;
    if (!Number.isSafeInteger(value)) fail(field, 'A valid integer is required.');
    return value as number;
  });
}

function parseSelectedItems(raw: unknown): SelectedItems {
  if (raw === undefined || raw === null) return { all: true, excluded: [] };
  if (!isJsonObject(raw)) return fail('selectedItems', 'Must be an object.');
  const all = raw['all'] ?? true;
  if (typeof all !== 'boolean') return fail('selectedItems.all', 'Must be a valid boolean.');
  return all
    ? { all: true, excluded: parseIds(raw['excluded'], 'selectedItems.excluded') }
    : { all: false, included: parseIds(raw['included'], 'selectedItems.included') };
}

function parseOrdering(raw: unknown): string[] {
  if (raw === undefined || raw === null) return [];
  const list = typeof raw === 'string' ? [raw] : raw;
  if (!Array.isArray(list) || list.length > MAX_FILTER_ITEMS) {
    return fail('ordering', 'Must be a list of column names.');
  }
  list.forEach((entry) => {
    if (typeof entry !== 'string') fail('ordering', 'Must be a list of column names.');
  });
  checkStrings('ordering', list);
  return list as string[];
}

/** A URL parameter holding JSON, or a 400 naming it. */
export function jsonParameter(text: string, field: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return fail(field, 'Must be valid JSON.');
  }
}

/**
 * Checks the shape of prepare params given as an object or as JSON text (the `query` URL
 * parameter of `GET /api/tasks/`); a bad shape is a 400 naming the field. Columns are checked
 * when the params are compiled.
 */
export function parsePrepareParams(raw: unknown, jsonField = 'query'): PrepareParams {
  const value =
    typeof raw !== 'string' ? raw : raw.trim() === '' ? {} : jsonParameter(raw, jsonField);
  if (value === undefined || value === null) return emptyPrepareParams();
  if (!isJsonObject(value)) return fail(jsonField, 'Must be an object.');
  return {
    filters: parseFilters(value['filters']),
    selectedItems: parseSelectedItems(value['selectedItems']),
    ordering: parseOrdering(value['ordering']),
  };
}
