import { type DialectHint, scimV1PatchToPatchOp, toScimV1ResponseBody } from '@roster/dialects';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { IncomingMessage } from 'node:http';
import { getRequestDirectory } from '../auth/request-directory';

const V1_PREFIX = '/scim/v1/';
const V2_PREFIX = '/scim/v2/';

/**
 * SCIM 1.1 clients (OneLogin templates, older Okta and Ping connectors) use
 * `/scim/v1/{directoryId}`: their URLs are routed onto the 2.0 routes, their
 * PATCH bodies become 2.0 PatchOps, and every answer goes back in 1.1 shapes
 * (1.0 URNs, the 1.1 error format, application/json). One core serves both.
 */
export function rewriteScimUrl(request: IncomingMessage): string {
  const url = acceptHyphenatedDirectoryId(request.url ?? '/');
  if (!url.startsWith(V1_PREFIX)) return url;
  v1Requests.add(request);
  return V2_PREFIX + url.slice(V1_PREFIX.length);
}

// Okta refuses base URLs containing "_", so Okta directories are shown as
// /scim/v2/directory-<suffix>; both spellings reach the same routes.
function acceptHyphenatedDirectoryId(url: string): string {
  return url.replace(/^\/scim\/(v[12])\/directory-/, '/scim/$1/directory_');
}

// Marked on the raw request: Nest's Fastify adapter does not keep Fastify's originalUrl.
const v1Requests = new WeakSet<IncomingMessage>();

export function isScimV1Request(request: FastifyRequest): boolean {
  return v1Requests.has(request.raw);
}

/** The URL the client sent, /scim/v1 included. */
export function clientUrl(request: FastifyRequest): string {
  return isScimV1Request(request) ? request.url.replace(V2_PREFIX, V1_PREFIX) : request.url;
}

export function addScimV1Hooks(fastify: FastifyInstance): void {
  fastify.addHook('preHandler', async (request) => {
    if (request.method !== 'PATCH' || !isScimV1Request(request)) return;
    const resourceType = /\/Groups\//.test(request.url) ? 'Group' : 'User';
    const provider = getRequestDirectory(request)?.provider as DialectHint | undefined;
    request.body = scimV1PatchToPatchOp(request.body, resourceType, provider);
  });
  fastify.addHook('onSend', async (request, reply, payload) => {
    if (!isScimV1Request(request) || typeof payload !== 'string' || payload === '') return payload;
    const location = reply.getHeader('location');
    if (typeof location === 'string') void reply.header('location', location.replace(V2_PREFIX, V1_PREFIX));
    void reply.header('content-type', 'application/json; charset=utf-8');
    try {
      return JSON.stringify(toScimV1ResponseBody(JSON.parse(payload.replaceAll(V2_PREFIX, V1_PREFIX))));
    } catch {
      return payload;
    }
  });
}
