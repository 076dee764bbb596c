import { ValidationFailedException } from '@ls/core';
import { viewChangesOf, viewReplacementOf } from './view-changes';
import { MAX_FILTER_ITEMS } from '../query/prepare-params';

const item = { filter: 'filter:tasks:id', operator: 'greater', type: 'Number', value: 2 };

function problemsOf(body: Record<string, unknown>): Record<string, string[]> {
  try {
    viewChangesOf(body);
  } catch (error) {
    if (error instanceof ValidationFailedException) return error.errors;
    throw error;
  }
  throw new Error('no problem found');
}

describe('view changes', () => {
  it('takes filters, ordering and selection out of data', () => {
    expect(
      viewChangesOf({
        data: {
          title: 'T',
          filters: { conjunction: 'or', items: [item] },
          ordering: ['tasks:id'],
          selectedItems: { all: true, excluded: [3] },
        },
      }),
    ).toEqual({
      data: { title: 'T' },
      filter_group: { conjunction: 'or', items: [item] },
      ordering: ['tasks:id'],
      selected_items: { all: true, excluded: [3] },
    });
  });

  it('leaves out what a PATCH does not give and clears it on PUT', () => {
    expect(viewChangesOf({ ordering: ['-tasks:id'] })).toEqual({ ordering: ['-tasks:id'] });
    expect(viewReplacementOf({ data: { title: 'T' } })).toEqual({
      data: { title: 'T' },
      filter_group: null,
      ordering: null,
      selected_items: null,
    });
  });

  it('reads the contract filter_group as filter items, child filters included', () => {
    const child = {
      column: 'filter:tasks:data.city',
      type: 'String',
      operator: 'equal',
      value: 'x',
    };
    const { filter_group } = viewChangesOf({
      filter_group: {
        conjunction: 'and',
        filters: [
          {
            column: 'filter:tasks:id',
            type: 'Number',
            operator: 'greater',
            value: 2,
            child_filter: child,
          },
        ],
      },
    });
    expect(filter_group).toEqual({
      conjunction: 'and',
      items: [
        {
          ...item,
          child_filter: {
            filter: 'filter:tasks:data.city',
            type: 'String',
            operator: 'equal',
            value: 'x',
          },
        },
      ],
    });
  });

  it('names each bad field', () => {
    const items = Array.from({ length: MAX_FILTER_ITEMS + 1 }, () => item);
    expect(problemsOf({ data: { filters: { conjunction: 'and', items } } })).toHaveProperty([
      'data.filters.items',
    ]);
    expect(
      problemsOf({
        data: { filters: { conjunction: 'and', items: [{ ...item, operator: 'x'.repeat(1025) }] } },
      }),
    ).toHaveProperty(['data.filters.items.0.operator']);
    expect(
      problemsOf({
        data: {
          filters: {
            conjunction: 'and',
            items: [{ ...item, child_filter: { ...item, child_filter: item } }],
          },
        },
      }),
    ).toHaveProperty(['data.filters.items.0.child_filter.child_filter']);
    expect(problemsOf({ selected_items: { all: false, included: [1.5] } })).toHaveProperty([
      'selected_items.included',
    ]);
    expect(problemsOf({ ordering: [1] })).toHaveProperty(['ordering.0']);
  });
});
