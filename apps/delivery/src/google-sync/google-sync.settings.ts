import type { AppConfig } from '@roster/config';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './google-retry';

export const GOOGLE_SYNC_SETTINGS = Symbol('GoogleSyncSettings');

export interface GoogleSyncSettings {
  apiUrl: string;
  intervalMs: number;
  maxDeleteShare: number;
  retry: RetryPolicy;
  /** How long a sync may go without renewing its lease before another may start. */
  leaseMs: number;
}

export function googleSyncSettings(config: AppConfig): GoogleSyncSettings {
  return {
    apiUrl: config.googleApiUrl,
    intervalMs: config.googleSyncIntervalMs,
    maxDeleteShare: config.googleMaxDeleteShare,
    retry: DEFAULT_RETRY_POLICY,
    leaseMs: 10 * 60 * 1000,
  };
}
