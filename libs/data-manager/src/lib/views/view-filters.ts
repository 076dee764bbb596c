import { MAX_IDS_PER_REQUEST, tooManyIdsMessage, isJsonObject } from '@ls/core';
import { MAX_FILTER_ITEMS } from '../query/prepare-params';
import { InputProblems } from './input-problems';

/** Largest view body: the UI state of a tab is a few kilobytes. */
export const MAX_VIEW_BODY_BYTES = 1024 * 1024;
/** Longest column, operator or type name, as Label Studio's `Filter` fields are. */
export const MAX_FILTER_NAME_LENGTH = 1024;
/** Most ordering entries (only the first one is used when tasks are read). */
export const MAX_ORDERING_ITEMS = 100;

export type Conjunction = 'and' | 'or';

/**
 * One filter of a view, in the shape the data manager UI and `GET /api/tasks/?query=` use. A view
 * keeps what the UI saved (any operator or type name, problems all reported at once); the
 * query's `parsePrepareParams` checks them when the view's tasks are read.
 */
export interface FilterItem {
  filter: string;
  operator: string;
  type: string;
  value: unknown;
  child_filter?: FilterItem;
}

/** The filters of a view as stored (`data.filters` of the UI). */
export interface StoredFilters {
  conjunction: Conjunction;
  items: FilterItem[];
}

export interface SelectedItems {
  all: boolean;
  included?: number[];
  excluded?: number[];
}

function nameOf(value: unknown, field: string, problems: InputProblems): string {
  if (typeof value !== 'string') {
    problems.add(field, 'Not a valid string.');
    return '';
  }
  if (value.length > MAX_FILTER_NAME_LENGTH) {
    problems.add(field, `Ensure this field has no more than ${MAX_FILTER_NAME_LENGTH} characters.`);
  }
  return value;
}

function conjunctionOf(value: unknown, field: string, problems: InputProblems): Conjunction {
  if (value === 'and' || value === 'or') return value;
  problems.add(field, `"${String(value)}" is not a valid choice.`);
  return 'and';
}

function filterItemOf(
  input: unknown,
  field: string,
  problems: InputProblems,
  nested = false,
): FilterItem {
  if (!isJsonObject(input)) {
    problems.add(field, 'Expected a dictionary of items.');
    return { filter: '', operator: '', type: '', value: null };
  }
  const item: FilterItem = {
    filter: nameOf(input.filter, `${field}.filter`, problems),
    operator: nameOf(input.operator, `${field}.operator`, problems),
    type: nameOf(input.type ?? '', `${field}.type`, problems),
    value: input.value ?? null,
  };
  if (input.child_filter !== undefined && input.child_filter !== null) {
    if (nested) problems.add(`${field}.child_filter`, 'A child filter cannot have a child.');
    else
      item.child_filter = filterItemOf(input.child_filter, `${field}.child_filter`, problems, true);
  }
  return item;
}

function itemsOf(
  list: unknown,
  field: string,
  problems: InputProblems,
  toItem: (entry: unknown, at: string) => FilterItem,
): FilterItem[] {
  if (!Array.isArray(list)) {
    problems.add(field, 'Expected a list of items.');
    return [];
  }
  if (list.length > MAX_FILTER_ITEMS) {
    problems.add(field, `Ensure this field has no more than ${MAX_FILTER_ITEMS} elements.`);
    return [];
  }
  return list.map((entry, index) => toItem(entry, `${field}.${index}`));
}

/** `data.filters` of a view (`{conjunction, items}`); `null`, `{}` and absent mean none. */
export function filtersOf(
  input: unknown,
  field: string,
  problems: InputProblems,
): StoredFilters | null {
  if (input === null || input === undefined) return null;
  if (!isJsonObject(input)) {
    problems.add(field, 'Expected a dictionary of items.');
    return null;
  }
  if (input.conjunction === undefined && input.items === undefined) return null;
  return {
    conjunction: conjunctionOf(input.conjunction, `${field}.conjunction`, problems),
    items: itemsOf(input.items ?? [], `${field}.items`, problems, (entry, at) =>
      filterItemOf(entry, at, problems),
    ),
  };
}

/** The contract's `filter_group` (`{conjunction, filters: [{column, type, operator, value}]}`). */
export function filterGroupOf(
  input: unknown,
  field: string,
  problems: InputProblems,
): StoredFilters | null {
  if (input === null || input === undefined) return null;
  if (!isJsonObject(input)) {
    problems.add(field, 'Expected a dictionary of items.');
    return null;
  }
  const asItem = (entry: unknown): unknown =>
    isJsonObject(entry)
      ? {
          filter: entry.column,
          operator: entry.operator,
          type: entry.type,
          value: entry.value,
          child_filter: asItem(entry.child_filter),
        }
      : entry;
  return {
    conjunction: conjunctionOf(input.conjunction, `${field}.conjunction`, problems),
    items: itemsOf(input.filters ?? [], `${field}.filters`, problems, (entry, at) =>
      filterItemOf(asItem(entry), at, problems),
    ),
  };
}

/** A view's ordering: a list of column names (`tasks:id`, `-tasks:data.score`). */
export function orderingOf(
  input: unknown,
  field: string,
  problems: InputProblems,
): string[] | null {
  if (input === null || input === undefined) return null;
  if (!Array.isArray(input)) {
    problems.add(field, 'Expected a list of items.');
    return null;
  }
  if (input.length > MAX_ORDERING_ITEMS) {
    problems.add(field, `Ensure this field has no more than ${MAX_ORDERING_ITEMS} elements.`);
    return null;
  }
  return input.map((entry, index) => nameOf(entry, `${field}.${index}`, problems));
}

function idsOf(input: unknown, field: string, problems: InputProblems): number[] | undefined {
  if (input === undefined) return undefined;
  if (!Array.isArray(input) || !input.every((id) => Number.isSafeInteger(id))) {
    problems.add(field, 'Expected a list of integer ids.');
    return undefined;
  }
  if (input.length > MAX_IDS_PER_REQUEST) {
    problems.add(field, tooManyIdsMessage());
    return undefined;
  }
  return input as number[];
}

/** `{all: true, excluded: [ids]}` or `{all: false, included: [ids]}`. */
export function selectedItemsOf(
  input: unknown,
  field: string,
  problems: InputProblems,
): SelectedItems | null {
  if (input === null || input === undefined) return null;
  if (!isJsonObject(input) || typeof input.all !== 'boolean') {
    problems.add(field, 'Expected {"all": true|false, "included"|"excluded": [ids]}.');
    return null;
  }
  const selected: SelectedItems = { all: input.all };
  const included = idsOf(input.included, `${field}.included`, problems);
  const excluded = idsOf(input.excluded, `${field}.excluded`, problems);
  if (included) selected.included = included;
  if (excluded) selected.excluded = excluded;
  return selected;
}
