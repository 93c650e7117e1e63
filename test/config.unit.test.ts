import { ConfigError, parseConfig } from '../src/config/config';

describe('configuration is validated once, with clear messages', () => {
  test('defaults for development', () => {
    const config = parseConfig({});
    expect(config).toMatchObject({
      NODE_ENV: 'development',
      PORT: 4000,
      SEED_DEMO: true,
      EXPOSE_SQL_COUNT: false,
      TOKEN_TTL: '8h',
    });
    expect(config.TOKEN_SECRET).toBeUndefined();
  });

  test('every wrong variable is named in one error', () => {
    const attempt = () =>
      parseConfig({ PORT: 'eighty', TOKEN_TTL: 'forever', DATABASE_URL: 'mysql://x', TOKEN_SECRET: 'short' });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/PORT/);
    expect(attempt).toThrow(/TOKEN_TTL/);
    expect(attempt).toThrow(/DATABASE_URL/);
    expect(attempt).toThrow(/TOKEN_SECRET: TOKEN_SECRET must be at least 32 characters/);
  });

  test('production requires a token secret and forbids the SQL counter', () => {
    expect(() => parseConfig({ NODE_ENV: 'production' })).toThrow(
      /TOKEN_SECRET: required when NODE_ENV=production/,
    );
    const secret = 'x'.repeat(32);
    expect(() =>
      parseConfig({ NODE_ENV: 'production', TOKEN_SECRET: secret, EXPOSE_SQL_COUNT: 'true' }),
    ).toThrow(/EXPOSE_SQL_COUNT/);
    expect(parseConfig({ NODE_ENV: 'production', TOKEN_SECRET: secret }).NODE_ENV).toBe('production');
  });

  test('empty variables count as unset', () => {
    expect(parseConfig({ PORT: '', DATABASE_URL: '' }).PORT).toBe(4000);
  });
});
