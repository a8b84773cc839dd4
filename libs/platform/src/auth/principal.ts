/** Who is calling a `/v1` API: an API key, or the bootstrap key from the environment. */
export interface ApiPrincipal {
  type: 'api_key' | 'bootstrap_key';
  /** The API key's id; null for the bootstrap key. */
  id: string | null;
}
