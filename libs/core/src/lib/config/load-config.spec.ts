import { ConfigError, loadConfig, settingNames } from './load-config';

describe('loadConfig', () => {
  it('gives the documented defaults for an empty environment', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(8080);
    expect(config.HOST).toBe('0.0.0.0');
    expect(config.DATA_DIR).toBe('./data');
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.REDIS_URL).toBeUndefined();
    expect(config.MIGRATE_ON_START).toBe(true);
    expect(config.LOG_LEVEL).toBe('info');
  });

  it('converts numbers and booleans from their text form', () => {
    const config = loadConfig({
      PORT: '9000',
      MIGRATE_ON_START: 'false',
      WORKER_HEALTH_PORT: '9100',
    });
    expect(config.PORT).toBe(9000);
    expect(config.MIGRATE_ON_START).toBe(false);
    expect(config.WORKER_HEALTH_PORT).toBe(9100);
  });

  it('treats an empty DATABASE_URL as absent', () => {
    expect(loadConfig({ DATABASE_URL: '' }).DATABASE_URL).toBeUndefined();
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://x'],
    ['REDIS_URL', 'http://x'],
    ['LOG_LEVEL', 'loud'],
    ['MIGRATE_ON_START', 'maybe'],
  ])('rejects %s=%s with one line naming the variable', (name, value) => {
    let error: unknown;
    try {
      loadConfig({ [name]: value });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toContain(`Invalid setting ${name}`);
    expect(message).not.toContain('\n');
  });

  it('never prints a secret it rejects', () => {
    expect(() => loadConfig({}, { LABEL_STUDIO_PASSWORD: 42 })).toThrow(/<hidden>/);
  });

  it('lists every setting, including the optional ones', () => {
    expect(settingNames()).toEqual(
      expect.arrayContaining(['PORT', 'DATABASE_URL', 'REDIS_URL', 'LABEL_STUDIO_USER_TOKEN']),
    );
  });
});
