export { type EmbeddedPostgresOptions, startEmbeddedPostgres } from './embedded-postgres';
export { findFreePort } from './free-port';
export { isPostgresAnswering, isRedisAnswering, waitUntil } from './probes';
export { RedisNotInstalledError, type RedisServerOptions, startRedisServer } from './redis-server';
export type { RunningService } from './running-service';
