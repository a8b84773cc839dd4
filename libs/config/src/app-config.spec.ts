import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './app-config';
import { parseDuration } from './duration';
import { resolveEncryptionKey } from './encryption-key';

const minimal = { DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/roster' };

describe('loadConfig', () => {
  it('applies the documented defaults', () => {
    const config = loadConfig(minimal);
    expect(config.ports).toEqual({ admin: 3000, ingest: 3001, delivery: 3002 });
    expect(config.redisUrl).toBe('redis://127.0.0.1:6379');
    expect(config.publicScimUrl).toBe('http://localhost:3001');
    expect(config.eventRetentionDays).toBe(90);
    expect(config.webhookAllowPrivate).toBe(false);
  });

  it('derives the public SCIM URL from INGEST_PORT and trims a trailing slash', () => {
    expect(loadConfig({ ...minimal, INGEST_PORT: '4001' }).publicScimUrl).toBe('http://localhost:4001');
    expect(loadConfig({ ...minimal, ROSTER_PUBLIC_SCIM_URL: 'https://scim.example.com/' }).publicScimUrl).toBe(
      'https://scim.example.com',
    );
  });

  it('names every bad variable without echoing secret values', () => {
    const secret = 'short-secret';
    let error: unknown;
    try {
      loadConfig({ DATABASE_URL: 'mysql://x', ADMIN_PORT: 'eighty', ROSTER_BOOTSTRAP_API_KEY: secret });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    expect(message).toContain('DATABASE_URL');
    expect(message).toContain('ADMIN_PORT');
    expect(message).toContain('ROSTER_BOOTSTRAP_API_KEY');
    expect(message).not.toContain(secret);
  });

  it('requires DATABASE_URL', () => {
    expect(() => loadConfig({})).toThrow(/DATABASE_URL/);
  });

  it('parses the webhook retry schedule', () => {
    const config = loadConfig({ ...minimal, ROSTER_WEBHOOK_RETRY_SCHEDULE: '5s,30s,2m,1h' });
    expect(config.webhookRetryScheduleMs).toEqual([5000, 30000, 120000, 3600000]);
    expect(() => loadConfig({ ...minimal, ROSTER_WEBHOOK_RETRY_SCHEDULE: '5s,soon' })).toThrow(
      /ROSTER_WEBHOOK_RETRY_SCHEDULE/,
    );
  });
});

describe('parseDuration', () => {
  it.each([
    ['250ms', 250],
    ['5s', 5000],
    ['2m', 120000],
    ['1h', 3600000],
    ['3d', 259200000],
    ['7', 7000],
  ])('%s is %d ms', (text, ms) => expect(parseDuration(text)).toBe(ms));

  it('rejects nonsense', () => expect(parseDuration('five')).toBeUndefined());
});

describe('resolveEncryptionKey', () => {
  it('generates a development key once and reuses it', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'roster-key-'));
    const config = loadConfig({ ...minimal, ROSTER_DATA_DIR: dataDir });
    const key = resolveEncryptionKey(config);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(resolveEncryptionKey(config)).toBe(key);
    expect(readFileSync(join(dataDir, 'encryption.key'), 'utf8').trim()).toBe(key);
  });

  it('requires a configured key in production', () => {
    expect(() => resolveEncryptionKey(loadConfig({ ...minimal, NODE_ENV: 'production' }))).toThrow(
      /ROSTER_ENCRYPTION_KEY/,
    );
  });
});
