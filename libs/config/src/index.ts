export { APP_CONFIG, type AppConfig, ConfigError, type Environment, environmentSchema, loadConfig } from './app-config';
export { parseDuration } from './duration';
export { resolveEncryptionKey } from './encryption-key';
