import { prefixPattern, SeenKeys } from '../../../../src/lib/cloud/providers/redis/redis-keys';
import { redisSettingsOf } from '../../../../src/lib/cloud/providers/redis/redis-settings';

describe('Redis keys', () => {
  it('escapes the glob characters of a prefix', () => {
    expect(prefixPattern('')).toBe('*');
    expect(prefixPattern('tasks/')).toBe('tasks/*');
    expect(prefixPattern('a*b?c[d]e\\f')).toBe('a\\*b\\?c\\[d\\]e\\\\f*');
  });

  it('remembers short keys and digests of long ones, telling them apart', () => {
    const seen = new SeenKeys();
    const long = `tasks/${'x'.repeat(500)}`;
    expect([seen.add('1'), seen.add(long), seen.add('1'), seen.add(long)]).toEqual([
      true,
      true,
      false,
      false,
    ]);
    expect(seen.add(`${long}y`)).toBe(true);
    expect(seen.add('a'.repeat(21))).toBe(true);
    expect(seen.add('a'.repeat(22))).toBe(true);
    expect(seen.size).toBe(5);
  });

  it('reads settings as Label Studio stores them, with its default databases', () => {
    expect(redisSettingsOf({ host: 'redis', port: 6380 }, 'import')).toEqual({
      path: null,
      host: 'redis',
      port: '6380',
      password: null,
      db: 1,
    });
    expect(redisSettingsOf({ db: '5', path: 'p' }, 'export')).toMatchObject({ db: 5, path: 'p' });
    expect(redisSettingsOf({}, 'export').db).toBe(2);
    expect(redisSettingsOf({ db: null }, 'import').db).toBe(1);
  });
});
