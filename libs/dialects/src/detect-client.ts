import { isPlainObject } from '@roster/scim';
import { type Dialect, type DialectHint, dialectOfProvider } from './dialect';
import { SCIM_V1_URNS } from './scim-urns';
import { containsTemplateArtefact } from './template-artefacts';

/** What the ingest knows about a request before the core touches it. */
export interface ClientRequest {
  readonly userAgent?: string;
  /** Header names in any case. */
  readonly headers?: Readonly<Record<string, string | string[] | undefined>>;
  readonly body?: unknown;
  readonly method: string;
  /** The request path with its query string, e.g. `/scim/v2/directory_.../Users?filter=...`. */
  readonly path: string;
}

// Only Okta documents its User-Agent; the others are admin-set (OneLogin custom
// headers) or guesses that cost nothing when they do not match.
const USER_AGENTS: readonly (readonly [RegExp, Dialect])[] = [
  [/okta/i, 'okta'],
  [/onelogin/i, 'onelogin'],
  [/jumpcloud/i, 'jumpcloud'],
  [/rippling/i, 'rippling'],
  [/pingfederate|ping\s*federate/i, 'pingfederate'],
  [/pingone|ping\s*one/i, 'pingone'],
  [/cyberark|idaptive/i, 'cyberark'],
  [/google/i, 'google'],
  [/azure|entra|microsoft|aad/i, 'entra'],
];

const ENTRA_OPS = new Set(['Add', 'Replace', 'Remove']);
const ENTRA_GROUP_SCHEMA = 'http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group';
const VENDORS_SPEAKING_V1: ReadonlySet<Dialect> = new Set(['okta', 'onelogin', 'jumpcloud', 'pingfederate']);

/**
 * Fingerprints the client for the request log, from (in that order) its
 * User-Agent, Entra's feature-flag query parameters, the shape of its body
 * (capitalized PATCH ops and `"True"`/`"False"`, `"$ref": null` members and
 * the ADSCIM group schema are Entra's; template placeholders and `emails` as
 * an object are OneLogin's), the SCIM version in the path, and last the
 * directory's provider. Only a label: normalization never depends on it.
 */
export function detectClient(request: ClientRequest, provider?: DialectHint): Dialect {
  const fromAgent = byUserAgent(request.userAgent ?? header(request.headers, 'user-agent'));
  if (fromAgent) return fromAgent;
  if (/[?&](aadOptscim062020|AzureAdScimPatch2017)\b/i.test(request.path)) return 'entra';
  const fromBody = byBodyShape(request.body);
  if (fromBody) return fromBody;
  const hinted = dialectOfProvider(provider);
  if (/\/scim\/v1(\/|$)/i.test(request.path)) return VENDORS_SPEAKING_V1.has(hinted) ? hinted : 'generic_scim_v1';
  if (hinted !== 'unknown') return hinted;
  return /\/scim\/v2(\/|$)/i.test(request.path) ? 'generic_scim_v2' : 'unknown';
}

function byUserAgent(agent: string | undefined): Dialect | undefined {
  if (!agent) return undefined;
  return USER_AGENTS.find(([pattern]) => pattern.test(agent))?.[1];
}

function byBodyShape(body: unknown): Dialect | undefined {
  if (!isPlainObject(body)) return undefined;
  if (isEntraShaped(body)) return 'entra';
  if (isOneLoginShaped(body)) return 'onelogin';
  return undefined;
}

function isEntraShaped(body: Record<string, unknown>): boolean {
  const schemas = Array.isArray(body.schemas) ? body.schemas : [];
  if (schemas.some((urn) => urn === ENTRA_GROUP_SCHEMA || /enterprise:2\.0User$/i.test(String(urn)))) return true;
  const operations = Array.isArray(body.Operations) ? body.Operations : [];
  return operations.some(
    (operation) =>
      isPlainObject(operation) &&
      ((typeof operation.op === 'string' && ENTRA_OPS.has(operation.op)) ||
        operation.value === 'True' ||
        operation.value === 'False' ||
        (Array.isArray(operation.value) &&
          operation.value.some((member) => isPlainObject(member) && member.$ref === null))),
  );
}

function isOneLoginShaped(body: Record<string, unknown>): boolean {
  if (containsTemplateArtefact(body)) return true;
  const schemas = Array.isArray(body.schemas) ? body.schemas : [];
  const usesV1Urns = schemas.some((urn) => String(urn).toLowerCase() === SCIM_V1_URNS.core);
  return isPlainObject(body.emails) || (usesV1Urns && typeof body.active === 'string');
}

function header(headers: ClientRequest['headers'], name: string): string | undefined {
  if (headers === undefined) return undefined;
  const key = Object.keys(headers).find((candidate) => candidate.toLowerCase() === name);
  const value = key === undefined ? undefined : headers[key];
  return Array.isArray(value) ? value[0] : value;
}
