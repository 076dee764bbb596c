import { Injectable } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { getRepositoryToken } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import {
  CoreModule,
  DomainEvent,
  OnDomainEvent,
  SchemaBehindError,
  TransactionRunner,
  dialectOf,
  loadConfig,
} from '@ls/core';
import { createFreshDatabase, createTestApp, TestApp } from '@ls/core/testing';
import { ProbeModule, ProbeRecord } from './probe.fixture';

class ProbeSaved extends DomainEvent {
  static override readonly eventName = 'core-test.probe.saved';
  constructor(readonly id: number) {
    super();
  }
}

@Injectable()
class ProbeListener {
  readonly seen: number[] = [];

  @OnDomainEvent(ProbeSaved)
  onSaved(event: ProbeSaved): void {
    this.seen.push(event.id);
  }
}

describe('database (integration)', () => {
  let testApp: TestApp;
  let records: Repository<ProbeRecord>;
  let dataSource: DataSource;

  beforeAll(async () => {
    testApp = await createTestApp({ imports: [ProbeModule], providers: [ProbeListener] });
    records = testApp.app.get(getRepositoryToken(ProbeRecord));
    dataSource = testApp.app.get(DataSource);
  });

  afterAll(() => testApp.close());

  beforeEach(() => records.clear());

  const dialect = () => dialectOf(testApp.config);

  it('ran the registered migrations of the dialect at boot', async () => {
    const applied = (await dataSource.query('SELECT name FROM migrations')) as { name: string }[];
    const suffix = dialect() === 'postgres' ? 'Postgres' : 'Sqlite';
    expect(applied.map((row) => row.name).sort()).toEqual([
      `CreateProbeRecord${suffix}1700000000000`,
      `OutboxAttachments${suffix}1796233212564`,
      `Outbox${suffix}1796221048448`,
    ]);
    expect(await dataSource.showMigrations()).toBe(false);
  });

  it('stores JSON as jsonb on PostgreSQL and as text on SQLite, and queries it in SQL', async () => {
    const data = { text: 'hello', n: 7, nested: { list: [1, 2, 3] }, flag: true };
    const saved = await records.save(records.create({ title: 'a', data }));
    await records.save(records.create({ title: 'b', data: { text: 'other', n: 8 } }));
    expect((await records.findOneByOrFail({ id: saved.id })).data).toEqual(data);

    if (dialect() === 'postgres') {
      const [column] = await dataSource.query(
        `SELECT data_type FROM information_schema.columns WHERE table_name = 'probe_record' AND column_name = 'data'`,
      );
      expect(column.data_type).toBe('jsonb');
      const rows = await dataSource.query(
        `SELECT title FROM probe_record WHERE data->>'text' = $1 AND (data->'nested'->'list'->>1)::int = 2`,
        ['hello'],
      );
      expect(rows).toEqual([{ title: 'a' }]);
    } else {
      const [stored] = await dataSource.query(`SELECT data FROM probe_record WHERE id = ?`, [
        saved.id,
      ]);
      expect(JSON.parse(stored.data)).toEqual(data);
      const rows = await dataSource.query(
        `SELECT title FROM probe_record WHERE json_extract(data, '$.text') = ? AND json_extract(data, '$.nested.list[1]') = 2`,
        ['hello'],
      );
      expect(rows).toEqual([{ title: 'a' }]);
    }
  });

  it('keeps null JSON as SQL NULL', async () => {
    const saved = await records.save(records.create({ title: 'empty', data: null }));
    const rows = await dataSource.query(
      `SELECT id FROM probe_record WHERE data IS NULL AND id = ${Number(saved.id)}`,
    );
    expect(rows).toHaveLength(1);
  });

  it('publishes events after commit and drops them on rollback', async () => {
    const transactions = testApp.app.get(TransactionRunner);
    const listener = testApp.app.get(ProbeListener);
    listener.seen.length = 0;

    const saved = await transactions.run(async (tx) => {
      const record = await tx.manager.save(ProbeRecord, { title: 'committed', data: {} });
      tx.afterCommit(new ProbeSaved(record.id));
      expect(listener.seen).toEqual([]);
      return record;
    });
    expect(listener.seen).toEqual([saved.id]);

    await expect(
      transactions.run(async (tx) => {
        const record = await tx.manager.save(ProbeRecord, { title: 'rolled back', data: {} });
        tx.afterCommit(new ProbeSaved(record.id));
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(listener.seen).toEqual([saved.id]);
    expect(await records.countBy({ title: 'rolled back' })).toBe(0);
  });

  it('runs many concurrent transactions without losing a write', async () => {
    const transactions = testApp.app.get(TransactionRunner);
    await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        transactions.run(async (tx) => {
          await tx.manager.save(ProbeRecord, { title: `c${i}`, data: { i } });
          await tx.manager.count(ProbeRecord);
        }),
      ),
    );
    expect(await records.count()).toBe(25);
  });
});

describe('worker schema check (integration)', () => {
  it('refuses to start a worker on a database whose migrations have not run', async () => {
    const database = await createFreshDatabase();
    try {
      const config = loadConfig(process.env, {
        LOG_LEVEL: 'silent',
        ...database.env,
        REDIS_URL: '',
      });
      const worker = Test.createTestingModule({
        imports: [CoreModule.forRoot({ role: 'worker', config, runJobs: false }), ProbeModule],
      });
      await expect((await worker.compile()).init()).rejects.toThrow(SchemaBehindError);

      const api = await Test.createTestingModule({
        imports: [CoreModule.forRoot({ role: 'api', config, runJobs: false }), ProbeModule],
      }).compile();
      await api.init();
      await api.close();

      const retried = await Test.createTestingModule({
        imports: [CoreModule.forRoot({ role: 'worker', config, runJobs: false }), ProbeModule],
      }).compile();
      await expect(retried.init()).resolves.toBeDefined();
      await retried.close();
    } finally {
      await database.drop();
    }
  });
});
