import type { ApiKey } from '@roster/data';

export interface ApiKeyObject {
  object: 'api_key';
  id: string;
  name: string;
  last_four: string;
  created_at: string;
  last_used_at: string | null;
}

export function toApiKeyObject(key: ApiKey): ApiKeyObject {
  return {
    object: 'api_key',
    id: key.id,
    name: key.name,
    last_four: key.lastFour,
    created_at: key.createdAt.toISOString(),
    last_used_at: key.lastUsedAt?.toISOString() ?? null,
  };
}
