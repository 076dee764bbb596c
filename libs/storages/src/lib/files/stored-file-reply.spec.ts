import { requestedSpan, servedPart } from './stored-file-reply';

const file = { size: 100, modifiedAt: new Date('2026-01-02T03:04:05.678Z'), head: Buffer.alloc(0) };
const lastModified = new Date('2026-01-02T03:04:05Z').toUTCString();

describe('requestedSpan', () => {
  it.each([
    ['bytes=0-9', { start: 0, end: 9 }],
    ['bytes=90-', { start: 90, end: 99 }],
    ['bytes=90-500', { start: 90, end: 99 }],
    ['bytes=-10', { start: 90, end: 99 }],
    ['bytes=-500', { start: 0, end: 99 }],
  ])('%s', (header, span) => {
    expect(requestedSpan(header, 100)).toEqual(span);
  });

  it.each(['bytes=100-', 'bytes=10-5', 'bytes=-0'])('%s is unsatisfiable', (header) => {
    expect(requestedSpan(header, 100)).toBe('unsatisfiable');
  });

  it.each([undefined, '', 'bytes=-', 'items=0-1', 'bytes=0-1,5-6', 'bytes=a-b'])(
    '%j asks for the whole file',
    (header) => {
      expect(requestedSpan(header, 100)).toBeNull();
    },
  );

  it('finds nothing to serve in an empty file', () => {
    expect(requestedSpan('bytes=0-', 0)).toBe('unsatisfiable');
  });
});

describe('servedPart', () => {
  it('answers 304 to If-Modified-Since at or after the last change, in whole seconds', () => {
    expect(servedPart({ 'if-modified-since': lastModified }, file)).toEqual({ status: 304 });
    const before = new Date('2026-01-02T03:04:04Z').toUTCString();
    expect(servedPart({ 'if-modified-since': before }, file)).toEqual({ status: 200 });
    expect(servedPart({ 'if-modified-since': 'not a date' }, file)).toEqual({ status: 200 });
  });

  it('answers a range with 206 or 416, and with everything when If-Range names another date', () => {
    expect(servedPart({ range: 'bytes=1-3' }, file)).toEqual({
      status: 206,
      span: { start: 1, end: 3 },
    });
    expect(servedPart({ range: 'bytes=200-' }, file)).toEqual({ status: 416 });
    expect(servedPart({ range: 'bytes=1-3', 'if-range': lastModified }, file)).toMatchObject({
      status: 206,
    });
    const other = new Date(0).toUTCString();
    expect(servedPart({ range: 'bytes=1-3', 'if-range': other }, file)).toEqual({ status: 200 });
  });
});
