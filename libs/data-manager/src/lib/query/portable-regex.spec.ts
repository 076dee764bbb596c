import { isPortableRegex } from './portable-regex';

describe('isPortableRegex', () => {
  it.each(['^P', 'a{2,255}', '[a-z]+$', '(?:ab)+', '\\d\\.\\s'])('accepts %s', (pattern) => {
    expect(isPortableRegex(pattern)).toBe(true);
  });

  it.each([
    '[',
    'a{256}',
    'a{1,300}',
    '(?<name>a)',
    '\\p{L}',
    '\\q',
    'x'.repeat(1001),
    '(a)\\1',
    'a(?=b)',
  ])('refuses %s', (pattern) => {
    expect(isPortableRegex(pattern)).toBe(false);
  });
});
