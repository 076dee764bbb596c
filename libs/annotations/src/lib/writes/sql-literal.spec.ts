import { sqlLiteral } from './sql-literal';

describe('sqlLiteral', () => {
  it('writes scalars for each dialect', () => {
    expect(sqlLiteral(null, 'postgres')).toBe('NULL');
    expect(sqlLiteral(1.5, 'sqlite')).toBe('1.5');
    expect(sqlLiteral(true, 'postgres')).toBe('TRUE');
    expect(sqlLiteral(false, 'sqlite')).toBe('0');
    const date = new Date('2026-11-29T01:02:03.004Z');
    expect(sqlLiteral(date, 'postgres')).toBe("'2026-11-29T01:02:03.004Z'::timestamptz");
    expect(sqlLiteral(date, 'sqlite')).toBe("'2026-11-29 01:02:03.004'");
  });

  it('doubles quotes in strings and JSON, so text cannot end the literal', () => {
    expect(sqlLiteral("it's'); DROP TABLE task; --", 'postgres')).toBe(
      "'it''s''); DROP TABLE task; --'",
    );
    expect(sqlLiteral({ json: [{ text: "O'Brien \\ \u0000" }] }, 'postgres')).toBe(
      `'[{"text":"O''Brien \\\\ \\u0000"}]'::jsonb`,
    );
  });

  it('refuses values it cannot write safely', () => {
    expect(() => sqlLiteral(Number.NaN, 'postgres')).toThrow();
    expect(() => sqlLiteral('a\0b', 'sqlite')).toThrow();
  });
});
