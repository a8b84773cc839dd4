import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppConfig } from './app-config';
import { ConfigError } from './app-config';

/**
 * Returns the key for secrets at rest. In production it must be configured; in
 * development a key is generated once into the data directory and reused, so a
 * fresh clone works with no set-up and restarts can still decrypt.
 */
export function resolveEncryptionKey(config: AppConfig): string {
  if (config.encryptionKey) return config.encryptionKey;
  if (config.nodeEnv === 'production') {
    throw new ConfigError(['ROSTER_ENCRYPTION_KEY: required in production (32 bytes, hex or base64)']);
  }
  const file = join(config.dataDir, 'encryption.key');
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    mkdirSync(config.dataDir, { recursive: true });
    const key = randomBytes(32).toString('hex');
    // 'wx' fails if another process created it first; then read theirs.
    try {
      writeFileSync(file, `${key}\n`, { mode: 0o600, flag: 'wx' });
      return key;
    } catch {
      return readFileSync(file, 'utf8').trim();
    }
  }
}
