import type { FastifyReply } from 'fastify';
import type { VersionedResource } from '../resources/scim-resource-service';
import { etagOf } from './etag';

/** Sets the status and the resource's ETag (and Location for a 201); returns the body to send. */
export function replyWithResource(
  reply: FastifyReply,
  status: 200 | 201,
  result: VersionedResource,
): Record<string, unknown> {
  void reply.status(status).header('etag', etagOf(result.version));
  const location = (result.resource.meta as { location?: string } | undefined)?.location;
  if (status === 201 && location) void reply.header('location', location);
  return result.resource;
}
