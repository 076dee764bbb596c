import { extensionOf, MAX_NAME_BYTES, sanitizeUploadName } from './upload-name';

describe('sanitizeUploadName', () => {
  it.each([
    ['tasks.csv', 'tasks.csv'],
    ['../../etc/passwd.csv', 'passwd.csv'],
    ['C:\\Users\\me\\photo.JPG', 'photo.JPG'],
    ['a b<script>.csv', 'a_b_script_.csv'],
    ['..', 'upload'],
    ['', 'upload'],
    ['.hidden.txt', 'hidden.txt'],
    ['new\nline\u0000.txt', 'new_line_.txt'],
    ['données été.json', 'données_été.json'],
    ['e\u0301.txt', 'é.txt'],
    ['right\u202eto-left.png', 'right_to-left.png'],
    ['%2e%2e%2fx.csv', '_2e_2e_2fx.csv'],
  ])('%j -> %j', (original, safe) => {
    expect(sanitizeUploadName(original)).toBe(safe);
  });

  it('caps the length in bytes and keeps the extension', () => {
    const long = sanitizeUploadName(`${'é'.repeat(200)}.json`);
    expect(Buffer.byteLength(long)).toBeLessThanOrEqual(MAX_NAME_BYTES);
    expect(long.endsWith('.json')).toBe(true);
    expect(long.startsWith('éé')).toBe(true);
  });
});

describe('extensions', () => {
  it('takes the last one, never a leading dot', () => {
    expect(extensionOf('a.tar.csv')).toBe('.csv');
    expect(extensionOf('csv')).toBe('');
    expect(extensionOf('.csv')).toBe('');
  });
});
