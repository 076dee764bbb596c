import {
  containsPattern,
  FilterError,
  instantOf,
  orderKeysOf,
  searchGroups,
} from './activity-log-filters';

describe('searchGroups', () => {
  it('reads OR between groups and AND (or nothing) between words', () => {
    expect(searchGroups('projects AND tasks OR webhooks')).toEqual([
      ['projects', 'tasks'],
      ['webhooks'],
    ]);
    expect(searchGroups('  projects   tasks ')).toEqual([['projects', 'tasks']]);
    expect(searchGroups('OR projects OR')).toEqual([['projects']]);
    expect(searchGroups('')).toEqual([]);
    expect(searchGroups('android OR order')).toEqual([['android'], ['order']]);
  });

  it('refuses expressions of too many words', () => {
    expect(() => searchGroups(Array(21).fill('w').join(' OR '))).toThrow(FilterError);
  });
});

describe('containsPattern', () => {
  it('escapes LIKE wildcards and lowers case', () => {
    expect(containsPattern('Tasks_1%')).toBe('%tasks\\_1\\%%');
    expect(containsPattern('a\\b')).toBe('%a\\\\b%');
  });
});

describe('instantOf', () => {
  it('reads ISO-8601 dates and date-times, UTC unless an offset says otherwise', () => {
    expect(instantOf('f', '2026-03-01').toISOString()).toBe('2026-03-01T00:00:00.000Z');
    expect(instantOf('f', '2026-03-01', true).toISOString()).toBe('2026-03-01T23:59:59.999Z');
    expect(instantOf('f', '2026-03-01T10:20').toISOString()).toBe('2026-03-01T10:20:00.000Z');
    expect(instantOf('f', '2026-03-01T10:20:30.123456Z').toISOString()).toBe(
      '2026-03-01T10:20:30.123Z',
    );
    expect(instantOf('f', '2026-03-01T10:20:30+02:00').toISOString()).toBe(
      '2026-03-01T08:20:30.000Z',
    );
    expect(instantOf('f', '2026-03-01T10:20:30 0200').toISOString()).toBe(
      '2026-03-01T08:20:30.000Z',
    );
    expect(instantOf('f', '2026-03-01 10:20:30-0130').toISOString()).toBe(
      '2026-03-01T11:50:30.000Z',
    );
  });

  it('refuses what is not a date, naming the field', () => {
    for (const text of [
      'yesterday',
      '2026-02-30',
      '2026-13-01',
      '2026-03-01T25:00',
      '1700000000',
    ]) {
      expect(() => instantOf('start_date', text)).toThrow(
        expect.objectContaining({ field: 'start_date' }),
      );
    }
  });
});

describe('orderKeysOf', () => {
  it('orders newest first by default and always ends with the id', () => {
    expect(orderKeysOf(undefined)).toEqual([
      { field: 'datetime', direction: 'DESC' },
      { field: 'id', direction: 'DESC' },
    ]);
    expect(orderKeysOf('email,-duration')).toEqual([
      { field: 'email', direction: 'ASC' },
      { field: 'duration', direction: 'DESC' },
      { field: 'id', direction: 'ASC' },
    ]);
    expect(orderKeysOf('-id')).toEqual([{ field: 'id', direction: 'DESC' }]);
  });

  it('refuses fields it cannot order by', () => {
    expect(() => orderKeysOf('password')).toThrow(expect.objectContaining({ field: 'ordering' }));
    expect(() => orderKeysOf('id; DROP TABLE x')).toThrow(FilterError);
  });
});
