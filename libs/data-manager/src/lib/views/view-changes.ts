import { isJsonObject } from '@ls/core';
import { InputProblems } from './input-problems';
import {
  filterGroupOf,
  filtersOf,
  orderingOf,
  SelectedItems,
  selectedItemsOf,
  StoredFilters,
} from './view-filters';

/** A view write as received: the UI's `data` and the contract's top-level fields. */
export interface ViewBody {
  data?: unknown;
  filter_group?: unknown;
  ordering?: unknown;
  selected_items?: unknown;
}

/** The stored fields a write sets; an absent key is left as it is (PATCH). */
export interface ViewChanges {
  data?: Record<string, unknown> | null;
  filter_group?: StoredFilters | null;
  ordering?: string[] | null;
  selected_items?: SelectedItems | null;
}

const BODY_FIELDS = ['data', 'filter_group', 'ordering', 'selected_items'] as const;

function columnsDisplayTypeProblems(value: unknown, problems: InputProblems): void {
  if (value === undefined) return;
  if (!isJsonObject(value) || !Object.values(value).every((type) => typeof type === 'string')) {
    problems.add('data.columnsDisplayType', 'Expected a dictionary of column types.');
  }
}

/**
 * Splits a view body into the stored fields, as Label Studio's view serializer does: `data.filters`,
 * `data.ordering` and `data.selectedItems` leave `data` for their own fields; the contract's
 * top-level `filter_group`, `ordering` and `selected_items`, when given, take precedence.
 */
export function viewChangesOf(body: ViewBody): ViewChanges {
  const problems = new InputProblems();
  for (const field of BODY_FIELDS) {
    // PostgreSQL's jsonb cannot hold the character \u0000 that a JSON string may escape.
    if (body[field] !== undefined && JSON.stringify(body[field]).includes('\\u0000')) {
      problems.add(field, 'Text in a view cannot contain the NUL character (\\u0000).');
    }
  }
  problems.throwIfAny();

  const changes: ViewChanges = {};
  if (body.data === null) changes.data = null;
  else if (body.data !== undefined && !isJsonObject(body.data)) {
    problems.add('data', 'Expected a dictionary of items.');
  } else if (body.data !== undefined) {
    const { filters, ordering, selectedItems, ...uiState } = body.data;
    columnsDisplayTypeProblems(uiState.columnsDisplayType, problems);
    changes.data = uiState;
    if ('filters' in body.data) changes.filter_group = filtersOf(filters, 'data.filters', problems);
    if ('ordering' in body.data) changes.ordering = orderingOf(ordering, 'data.ordering', problems);
    if ('selectedItems' in body.data) {
      changes.selected_items = selectedItemsOf(selectedItems, 'data.selectedItems', problems);
    }
  }
  if (body.filter_group !== undefined) {
    changes.filter_group = filterGroupOf(body.filter_group, 'filter_group', problems);
  }
  if (body.ordering !== undefined)
    changes.ordering = orderingOf(body.ordering, 'ordering', problems);
  if (body.selected_items !== undefined) {
    changes.selected_items = selectedItemsOf(body.selected_items, 'selected_items', problems);
  }
  problems.throwIfAny();
  return changes;
}

/** A PUT: what the body does not give is cleared. */
export function viewReplacementOf(body: ViewBody): Required<ViewChanges> {
  return {
    data: {},
    filter_group: null,
    ordering: null,
    selected_items: null,
    ...viewChangesOf(body),
  };
}
