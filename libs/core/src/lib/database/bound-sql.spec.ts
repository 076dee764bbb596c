import { BoundSql } from './bound-sql';

describe('BoundSql', () => {
  it('numbers PostgreSQL placeholders and keeps values as the driver takes them', () => {
    const sql = new BoundSql('postgres');
    const date = new Date('2026-11-29T01:02:03.004Z');
    const text = `${sql.bind("it's'); DROP TABLE task; --")} ${sql.list([1, 2])} ${sql.bind(true)} ${sql.bind(date)} ${sql.bind({ json: [{ a: "O'Brien" }] })}`;
    expect(text).toBe('$1 $2, $3 $4 $5 $6');
    expect(sql.values).toEqual([
      "it's'); DROP TABLE task; --",
      1,
      2,
      true,
      '2026-11-29T01:02:03.004Z',
      '[{"a":"O\'Brien"}]',
    ]);
  });

  it('writes SQLite placeholders, booleans as 1/0 and timestamps as TypeORM stores them', () => {
    const sql = new BoundSql('sqlite');
    const text = `${sql.bind(false)} ${sql.bind(new Date('2026-11-29T01:02:03.004Z'))} ${sql.bind(null)}`;
    expect(text).toBe('? ? ?');
    expect(sql.values).toEqual([0, '2026-11-29 01:02:03.004', null]);
  });
});
