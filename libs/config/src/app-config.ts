import { z } from 'zod';
import { parseDuration } from './duration';

const port = (fallback: number) => z.coerce.number().int().min(1).max(65535).default(fallback);

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .default('false')
  .transform((value) => ['true', '1', 'yes'].includes(value));

const retrySchedule = z
  .string()
  .default('5s,5m,30m,2h,5h,10h,10h,14h,14h')
  .transform((value, ctx) => {
    const delays = value.split(',').map(parseDuration);
    if (delays.length === 0 || delays.some((delay) => delay === undefined)) {
      ctx.addIssue({ code: 'custom', message: 'expected comma-separated durations such as 5s,30s,2m,1h' });
      return z.NEVER;
    }
    return delays as number[];
  });

const postgresUrl = z
  .string()
  .refine((value) => /^postgres(ql)?:\/\//.test(value), 'expected a postgres:// or postgresql:// URL');

const redisUrl = z.string().refine((value) => /^rediss?:\/\//.test(value), 'expected a redis:// or rediss:// URL');

/** Every environment variable Roster reads, validated once at boot. */
export const environmentSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: postgresUrl,
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  REDIS_URL: redisUrl.default('redis://127.0.0.1:6379'),
  ROSTER_REDIS_PREFIX: z.string().regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, - and _ only').default('roster'),
  ADMIN_PORT: port(3000),
  INGEST_PORT: port(3001),
  DELIVERY_PORT: port(3002),
  ROSTER_BOOTSTRAP_API_KEY: z.string().min(16, 'must be at least 16 characters').optional(),
  ROSTER_PUBLIC_SCIM_URL: z.url().optional(),
  ROSTER_PUBLIC_ADMIN_URL: z.url().optional(),
  ROSTER_ENCRYPTION_KEY: z.string().min(32, 'must be 32 bytes as hex or base64').optional(),
  ROSTER_DATA_DIR: z.string().default('.data'),
  ROSTER_WEBHOOK_RETRY_SCHEDULE: retrySchedule,
  ROSTER_WEBHOOK_ALLOW_PRIVATE: booleanFlag,
  ROSTER_EVENT_RETENTION_DAYS: z.coerce.number().int().min(1).default(90),
  ROSTER_SCIM_RATE_LIMIT: z.coerce.number().int().min(1).default(2500),
  ROSTER_API_RATE_LIMIT: z.coerce.number().int().min(1).default(1000),
  ROSTER_SCIM_REQUEST_LOG_DAYS: z.coerce.number().int().min(1).default(30),
  ROSTER_GOOGLE_SYNC_INTERVAL: z.string().default('30m').refine((v) => (parseDuration(v) ?? 0) >= 1000, 'expected a duration such as 30m'),
  ROSTER_GOOGLE_MAX_DELETE_SHARE: z.coerce.number().min(0).max(1).default(0.2),
  ROSTER_GOOGLE_API_URL: z.url().default('https://admin.googleapis.com'),
});

export type Environment = z.infer<typeof environmentSchema>;

export interface AppConfig {
  nodeEnv: Environment['NODE_ENV'];
  logLevel: Environment['LOG_LEVEL'];
  host: string;
  databaseUrl: string;
  databasePoolSize: number;
  redisUrl: string;
  redisPrefix: string;
  ports: { admin: number; ingest: number; delivery: number };
  bootstrapApiKey?: string;
  publicScimUrl: string;
  publicAdminUrl: string;
  /** Absent only until resolveEncryptionKey() fills it in. */
  encryptionKey?: string;
  dataDir: string;
  webhookRetryScheduleMs: number[];
  webhookAllowPrivate: boolean;
  eventRetentionDays: number;
  /** SCIM requests per second per directory (per ingest process), with bursts of twice that. */
  scimRateLimit: number;
  /** `/v1` requests per second per API key (per app process), with bursts of twice that. */
  apiRateLimit: number;
  /** How long the SCIM request log is kept. */
  scimRequestLogDays: number;
  /** How often each google_workspace directory is polled. */
  googleSyncIntervalMs: number;
  /** A sync that would delete more than this share of a directory's users changes nothing. */
  googleMaxDeleteShare: number;
  /** Base URL of Google's Admin SDK (tests point it at a local fake). */
  googleApiUrl: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  }
}

/**
 * Reads the configuration from the environment. Throws a ConfigError naming each
 * bad variable; the message never contains a variable's value, since several are secrets.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const parsed = environmentSchema.safeParse(stripEmpty(env));
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const e = parsed.data;
  return {
    nodeEnv: e.NODE_ENV,
    logLevel: e.LOG_LEVEL,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    redisUrl: e.REDIS_URL,
    redisPrefix: e.ROSTER_REDIS_PREFIX,
    ports: { admin: e.ADMIN_PORT, ingest: e.INGEST_PORT, delivery: e.DELIVERY_PORT },
    bootstrapApiKey: e.ROSTER_BOOTSTRAP_API_KEY,
    publicScimUrl: trimSlash(e.ROSTER_PUBLIC_SCIM_URL ?? `http://localhost:${e.INGEST_PORT}`),
    publicAdminUrl: trimSlash(e.ROSTER_PUBLIC_ADMIN_URL ?? `http://localhost:${e.ADMIN_PORT}`),
    encryptionKey: e.ROSTER_ENCRYPTION_KEY,
    dataDir: e.ROSTER_DATA_DIR,
    webhookRetryScheduleMs: e.ROSTER_WEBHOOK_RETRY_SCHEDULE,
    webhookAllowPrivate: e.ROSTER_WEBHOOK_ALLOW_PRIVATE,
    eventRetentionDays: e.ROSTER_EVENT_RETENTION_DAYS,
    scimRateLimit: e.ROSTER_SCIM_RATE_LIMIT,
    apiRateLimit: e.ROSTER_API_RATE_LIMIT,
    scimRequestLogDays: e.ROSTER_SCIM_REQUEST_LOG_DAYS,
    googleSyncIntervalMs: parseDuration(e.ROSTER_GOOGLE_SYNC_INTERVAL)!,
    googleMaxDeleteShare: e.ROSTER_GOOGLE_MAX_DELETE_SHARE,
    googleApiUrl: trimSlash(e.ROSTER_GOOGLE_API_URL),
  };
}

// An exported-but-empty variable (FOO=) means "not set", as in most twelve-factor tools.
function stripEmpty(env: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => !!entry[1]));
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

/** Dependency-injection token under which apps provide their AppConfig. */
export const APP_CONFIG = Symbol('AppConfig');
