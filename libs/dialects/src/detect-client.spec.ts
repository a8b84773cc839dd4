import { type ClientRequest, detectClient } from './detect-client';
import type { DialectHint } from './dialect';

const V2 = '/scim/v2/directory_01';
const V1 = '/scim/v1/directory_01';
const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

describe('detectClient', () => {
  it.each<[string, ClientRequest, DialectHint | undefined, string]>([
    [
      "Okta's documented User-Agent wins over the provider",
      { method: 'GET', path: `${V2}/Users?startIndex=1&count=2`, userAgent: 'Okta SCIM Client 1.0.0' },
      'entra',
      'okta',
    ],
    [
      'a User-Agent read from the headers in any case',
      { method: 'GET', path: `${V2}/Users`, headers: { 'User-Agent': 'OneLogin SCIM' } },
      undefined,
      'onelogin',
    ],
    [
      'a JumpCloud User-Agent',
      { method: 'GET', path: `${V2}/Users`, userAgent: 'JumpCloud-SCIM/2.0' },
      undefined,
      'jumpcloud',
    ],
    [
      "Entra's feature flag in the query",
      { method: 'GET', path: `${V2}/Users?aadOptscim062020&filter=x`, userAgent: 'curl/8' },
      'okta',
      'entra',
    ],
    [
      'capitalized PATCH ops',
      {
        method: 'PATCH',
        path: `${V2}/Users/u1`,
        body: { schemas: [PATCH_OP], Operations: [{ op: 'Replace', path: 'title', value: 'x' }] },
      },
      'generic_scim_v2',
      'entra',
    ],
    [
      'a "False" string boolean',
      {
        method: 'PATCH',
        path: `${V2}/Users/u1`,
        body: { Operations: [{ op: 'replace', path: 'active', value: 'False' }] },
      },
      undefined,
      'entra',
    ],
    [
      '"$ref": null members',
      {
        method: 'PATCH',
        path: `${V2}/Groups/g1`,
        body: { Operations: [{ op: 'add', path: 'members', value: [{ $ref: null, value: 'u1' }] }] },
      },
      undefined,
      'entra',
    ],
    [
      'the ADSCIM group schema',
      {
        method: 'POST',
        path: `${V2}/Groups`,
        body: {
          schemas: [
            'urn:ietf:params:scim:schemas:core:2.0:Group',
            'http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group',
          ],
          displayName: 'G',
        },
      },
      undefined,
      'entra',
    ],
    [
      'the malformed enterprise URN',
      {
        method: 'POST',
        path: `${V2}/Users`,
        body: { schemas: ['urn:ietf:params:scim:schemas:extension:enterprise:2.0User'], userName: 'a' },
      },
      undefined,
      'entra',
    ],
    [
      'template placeholders',
      { method: 'POST', path: `${V2}/Users`, body: { userName: 'a', title: '{$parameters.title}' } },
      'generic_scim_v2',
      'onelogin',
    ],
    [
      'emails as an object',
      { method: 'PUT', path: `${V2}/Users/u1`, body: { userName: 'a', emails: { value: 'a@x' } } },
      undefined,
      'onelogin',
    ],
    ['a 1.1 path without a hint', { method: 'GET', path: `${V1}/Users` }, undefined, 'generic_scim_v1'],
    ['a 1.1 path of a vendor that speaks 1.1', { method: 'GET', path: `${V1}/Users` }, 'pingfederate', 'pingfederate'],
    ['a 1.1 path of a 2.0-only vendor', { method: 'GET', path: `${V1}/Users` }, 'entra', 'generic_scim_v1'],
    ['nothing but the provider', { method: 'GET', path: `${V2}/Users/0` }, 'pingfederate', 'pingfederate'],
    ['google_workspace as a provider', { method: 'GET', path: `${V2}/Users?count=1` }, 'google_workspace', 'google'],
    ['a plain 2.0 request without a hint', { method: 'DELETE', path: `${V2}/Users/u1` }, undefined, 'generic_scim_v2'],
    ['a request outside SCIM', { method: 'GET', path: '/health/live' }, undefined, 'unknown'],
  ])('detects %s', (_name, request, provider, expected) => {
    expect(detectClient(request, provider)).toBe(expected);
  });
});
