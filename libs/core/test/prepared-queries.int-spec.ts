import { DataSource } from 'typeorm';
import { PreparedQueries } from '@ls/core';
import { createTestApp, TestApp } from '@ls/core/testing';
import { ProbeModule, ProbeRecord } from './probe.fixture';

describe('PreparedQueries (integration)', () => {
  let testApp: TestApp;
  let prepared: PreparedQueries;
  let dataSource: DataSource;

  beforeAll(async () => {
    testApp = await createTestApp({ imports: [ProbeModule] });
    prepared = testApp.app.get(PreparedQueries);
    dataSource = testApp.app.get(DataSource);
    await dataSource.getRepository(ProbeRecord).insert([
      { title: "O'Brien", data: { tags: ['a'], nested: { ok: true } } },
      { title: 'Second', data: null },
    ]);
  });

  afterAll(() => testApp.close());

  const byTitleSql = () =>
    `SELECT ${prepared.selectList(ProbeRecord, 'r', 'r_')} FROM probe_record r WHERE r.title = $1 OR r.id = $2`;

  it('runs a statement with $n parameters and hydrates entities as TypeORM reads them', async () => {
    const rows = await prepared.rows('test.by-title', byTitleSql(), ["O'Brien", -1]);
    expect(rows).toHaveLength(1);
    const record = prepared.hydrate(ProbeRecord, rows[0], 'r_');
    expect(record).toBeInstanceOf(ProbeRecord);
    expect(record).toMatchObject({ title: "O'Brien", data: { tags: ['a'], nested: { ok: true } } });
    expect(typeof record.id).toBe('number');
    // The same name again reuses the prepared statement with other values.
    const again = await prepared.rows('test.by-title', byTitleSql(), ['none', record.id]);
    expect(prepared.hydrate(ProbeRecord, again[0], 'r_').title).toBe("O'Brien");
  });

  it('binds booleans on both databases', async () => {
    const rows = await prepared.rows(
      'test.boolean',
      'SELECT COUNT(*) AS n FROM probe_record WHERE (title = $1) = $2',
      ['Second', true],
    );
    expect(Number(rows[0].n)).toBe(1);
  });

  it('keeps working when a column is added after the statement was prepared', async () => {
    await prepared.rows('test.by-title', byTitleSql(), ['Second', -1]);
    await dataSource.query('ALTER TABLE probe_record ADD COLUMN extra integer');
    const rows = await prepared.rows('test.by-title', byTitleSql(), ['Second', -1]);
    expect(prepared.hydrate(ProbeRecord, rows[0], 'r_').title).toBe('Second');
  });
});
