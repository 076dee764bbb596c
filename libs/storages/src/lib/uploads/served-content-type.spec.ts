import { contentDispositionOf, servedTypeOf } from './served-content-type';

const bytes = (...values: (number | string)[]) =>
  Buffer.concat(
    values.map((value) =>
      typeof value === 'string' ? Buffer.from(value, 'latin1') : Buffer.from([value]),
    ),
  );

describe('servedTypeOf', () => {
  it.each([
    ['a.png', bytes(0x89, 'PNG\r\n', 0x1a, '\n'), 'image/png'],
    ['a.jpg', bytes(0xff, 0xd8, 0xff, 0xe0), 'image/jpeg'],
    ['a.gif', bytes('GIF89a'), 'image/gif'],
    ['a.webp', bytes('RIFF', 0, 0, 0, 0, 'WEBPVP8 '), 'image/webp'],
    ['a.bmp', bytes('BM', 0, 0), 'image/bmp'],
    ['a.pdf', bytes('%PDF-1.7'), 'application/pdf'],
    ['a.wav', bytes('RIFF', 0, 0, 0, 0, 'WAVEfmt '), 'audio/wav'],
    ['a.ogg', bytes('OggS', 0), 'audio/ogg'],
    ['a.flac', bytes('fLaC'), 'audio/flac'],
    ['a.mp3', bytes('ID3', 4), 'audio/mpeg'],
    ['a.mp3', bytes(0xff, 0xfb, 0x90), 'audio/mpeg'],
    ['a.m4a', bytes(0, 0, 0, 0x20, 'ftypM4A '), 'audio/mp4'],
    ['a.mp4', bytes(0, 0, 0, 0x20, 'ftypisom'), 'video/mp4'],
    ['a.webm', bytes(0x1a, 0x45, 0xdf, 0xa3), 'video/webm'],
    // A real image behind another supported name is still an image.
    ['a.jpeg', bytes(0x89, 'PNG\r\n', 0x1a, '\n'), 'image/png'],
  ])('%s is %s', (name, head, type) => {
    expect(servedTypeOf(name, head)).toEqual({ contentType: type, attachment: false });
  });

  it('trusts short signatures only behind their own extension', () => {
    expect(servedTypeOf('a.txt', bytes('BM is a text'))).toEqual({
      contentType: 'text/plain; charset=utf-8',
      attachment: false,
    });
  });

  it('names text formats by extension', () => {
    expect(servedTypeOf('a.csv', bytes('a,b')).contentType).toBe('text/plain; charset=utf-8');
    expect(servedTypeOf('a.json', bytes('[]')).contentType).toBe('application/json; charset=utf-8');
  });

  it.each(['a.html', 'a.HTM', 'a.svg', 'a.xml'])(
    'sends markup %s as a plain-text download',
    (name) => {
      expect(servedTypeOf(name, bytes('<svg onload=alert(1)>'))).toEqual({
        contentType: 'text/plain; charset=utf-8',
        attachment: true,
      });
      // Even when the bytes look like an image.
      expect(servedTypeOf(name, bytes(0x89, 'PNG\r\n', 0x1a, '\n')).attachment).toBe(true);
    },
  );

  it('sends what it cannot tell as a binary download', () => {
    expect(servedTypeOf('a.png', bytes('<html><script>'))).toEqual({
      contentType: 'application/octet-stream',
      attachment: true,
    });
  });
});

describe('contentDispositionOf', () => {
  it('quotes safely and adds the UTF-8 name when needed', () => {
    expect(contentDispositionOf('a.png', false)).toBe('inline; filename="a.png"');
    expect(contentDispositionOf('été.csv', true)).toBe(
      `attachment; filename="_t_.csv"; filename*=UTF-8''%C3%A9t%C3%A9.csv`,
    );
  });
});
