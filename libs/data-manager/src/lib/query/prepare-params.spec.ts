import { ValidationFailedException } from '@ls/core';
import { parsePrepareParams } from './prepare-params';

const errorsOf = (raw: unknown) => {
  try {
    parsePrepareParams(raw);
  } catch (error) {
    if (error instanceof ValidationFailedException) return error.errors;
    throw error;
  }
  throw new Error('accepted');
};

describe('parsePrepareParams', () => {
  it('fills the defaults of an absent or empty query', () => {
    const empty = {
      filters: { conjunction: 'and', items: [] },
      selectedItems: { all: true, excluded: [] },
      ordering: [],
    };
    expect(parsePrepareParams(undefined)).toEqual(empty);
    expect(parsePrepareParams('')).toEqual(empty);
    expect(parsePrepareParams('{}')).toEqual(empty);
  });

  it('reads the JSON text form and keeps skipped items in place', () => {
    const params = parsePrepareParams(
      JSON.stringify({
        filters: {
          conjunction: 'or',
          items: [
            { filter: 'filter:tasks:id', operator: 'equal', type: 'Number', value: 1 },
            { filter: 'filter:tasks:id', operator: 'equal', type: 'Number', value: null },
          ],
        },
        selectedItems: { all: false, included: [1, '2'] },
        ordering: '-tasks:id',
      }),
    );
    expect(params.filters.items).toHaveLength(2);
    expect(params.selectedItems).toEqual({ all: false, included: [1, 2] });
    expect(params.ordering).toEqual(['-tasks:id']);
  });

  it.each([
    ['{', 'query'],
    ['[1]', 'query'],
    [{ filters: { items: {} } }, 'filters.items'],
    [{ filters: { conjunction: 'nand' } }, 'filters.conjunction'],
    [{ filters: { items: [{ filter: 1 }] } }, 'filters.items.0.filter'],
    [{ selectedItems: { all: 'yes' } }, 'selectedItems.all'],
    [{ selectedItems: { all: true, excluded: [1.5] } }, 'selectedItems.excluded'],
    [{ ordering: [1] }, 'ordering'],
  ])('refuses %j on %s', (raw, field) => {
    expect(Object.keys(errorsOf(raw))).toEqual([field]);
  });
});
