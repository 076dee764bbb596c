import { ActivityEntry } from './activity-entry';
import {
  ActivityLogBuffer,
  BATCH_SIZE,
  BUFFER_CAPACITY,
  FLUSH_AFTER_MS,
} from './activity-log-buffer';
import { ActivityLogWriter } from './activity-log-writer';

const entry = (n: number): ActivityEntry => ({
  user_id: 1,
  email: 'a@example.com',
  organization_id: 1,
  request_method: 'POST',
  request_url: `/api/tasks/${n}`,
  response_code: '201',
  datetime: new Date(),
  duration: 1,
  ip_address: null,
  user_agent: '',
  http_referer: '',
  project_id: null,
});

/** A writer that keeps the batches it was given, or fails while `down`. */
class FakeWriter {
  batches: ActivityEntry[][] = [];
  down = false;

  async insert(entries: readonly ActivityEntry[]): Promise<void> {
    if (this.down) throw new Error('connection refused');
    this.batches.push([...entries]);
  }

  get written(): string[] {
    return this.batches.flat().map((each) => each.request_url);
  }
}

describe('ActivityLogBuffer', () => {
  let writer: FakeWriter;
  let buffer: ActivityLogBuffer;
  const settle = () => jest.advanceTimersByTimeAsync(0);

  beforeEach(() => {
    jest.useFakeTimers();
    writer = new FakeWriter();
    buffer = new ActivityLogBuffer(writer as unknown as ActivityLogWriter);
    jest.spyOn(buffer['logger'], 'warn').mockImplementation(() => undefined);
    jest.spyOn(buffer['logger'], 'log').mockImplementation(() => undefined);
  });

  afterEach(() => jest.useRealTimers());

  it('writes a batch once its first entry has waited, in one insert', async () => {
    for (let n = 0; n < 10; n += 1) buffer.add(entry(n));
    await jest.advanceTimersByTimeAsync(FLUSH_AFTER_MS - 1);
    expect(writer.batches).toHaveLength(0);
    await jest.advanceTimersByTimeAsync(1);
    expect(writer.batches.map((batch) => batch.length)).toEqual([10]);
    expect(buffer.pending).toBe(0);
  });

  it('writes a full batch at once, and the rest after the delay', async () => {
    for (let n = 0; n < BATCH_SIZE + 3; n += 1) buffer.add(entry(n));
    await settle();
    expect(writer.batches.map((batch) => batch.length)).toEqual([BATCH_SIZE]);
    await jest.advanceTimersByTimeAsync(FLUSH_AFTER_MS);
    expect(writer.batches.map((batch) => batch.length)).toEqual([BATCH_SIZE, 3]);
    expect(writer.written).toEqual(
      Array.from({ length: BATCH_SIZE + 3 }, (_, n) => `/api/tasks/${n}`),
    );
  });

  it('keeps entries while the database is down and writes them in order when it is back', async () => {
    writer.down = true;
    for (let n = 0; n < 5; n += 1) buffer.add(entry(n));
    await jest.advanceTimersByTimeAsync(FLUSH_AFTER_MS);
    expect(buffer.pending).toBe(5);
    buffer.add(entry(5));
    writer.down = false;
    await jest.advanceTimersByTimeAsync(1_000);
    expect(writer.written).toEqual([0, 1, 2, 3, 4, 5].map((n) => `/api/tasks/${n}`));
    expect(buffer.pending).toBe(0);
  });

  it('drops the oldest entries past its capacity, with a counted warning', async () => {
    writer.down = true;
    for (let n = 0; n < BUFFER_CAPACITY + 7; n += 1) buffer.add(entry(n));
    await settle();
    expect(buffer.pending).toBe(BUFFER_CAPACITY);
    expect(buffer['dropped']).toBe(7);
    expect(buffer['logger'].warn).toHaveBeenCalledWith(expect.stringMatching(/7 oldest entries/));
    writer.down = false;
    await buffer.flush();
    expect(writer.written[0]).toBe('/api/tasks/7');
    expect(writer.written).toHaveLength(BUFFER_CAPACITY);
  });

  it('writes everything it holds on shutdown, without waiting for the timer', async () => {
    for (let n = 0; n < 3; n += 1) buffer.add(entry(n));
    await buffer.onApplicationShutdown();
    expect(writer.written).toHaveLength(3);
    buffer.add(entry(9));
    await jest.advanceTimersByTimeAsync(10 * FLUSH_AFTER_MS);
    expect(writer.written).toHaveLength(3);
  });

  it('lets a flush during a write wait for it, then write what came meanwhile', async () => {
    let release: () => void = () => undefined;
    const slow = jest.spyOn(writer, 'insert').mockImplementationOnce(async (entries) => {
      await new Promise<void>((resolve) => (release = resolve));
      writer.batches.push([...entries]);
    });
    buffer.add(entry(0));
    await jest.advanceTimersByTimeAsync(FLUSH_AFTER_MS);
    buffer.add(entry(1));
    const flushed = buffer.flush();
    release();
    await flushed;
    expect(slow).toHaveBeenCalledTimes(2);
    expect(writer.batches.map((batch) => batch.length)).toEqual([1, 1]);
  });
});
