import { EVENT_TYPES } from '@roster/events';
import { listQuerySchema } from '@roster/platform';
import { z } from 'zod';

const id = z.string().trim().min(1).max(100);
const MAX_OVERLAP_SECONDS = 7 * 24 * 3600;

export const createWebhookEndpointSchema = z.strictObject({
  url: z.string().trim().min(1).max(2048),
  /** Event types to deliver; omitted or empty means every type. */
  events: z.array(z.enum(EVENT_TYPES)).max(EVENT_TYPES.length).optional(),
  tenant_id: id.nullish(),
  directory_id: id.nullish(),
});

export const updateWebhookEndpointSchema = createWebhookEndpointSchema
  .extend({ state: z.enum(['enabled', 'disabled']) })
  .partial()
  .refine((body) => Object.keys(body).length > 0, { message: 'give at least one field to change' });

export const rotateSecretSchema = z.strictObject({
  /** How long the old secret keeps signing next to the new one, so receivers can switch without a gap. */
  overlap_seconds: z.coerce.number().int().min(0).max(MAX_OVERLAP_SECONDS).default(24 * 3600),
});

export const replaySchema = z
  .strictObject({
    /** Replay the events after this event id. */
    after: z.string().trim().regex(/^event_/, 'must be an event id').optional(),
    /** Replay the events created at or after this time (RFC 3339). */
    since: z.iso.datetime({ offset: true }).optional(),
  })
  .refine((body) => (body.after === undefined) !== (body.since === undefined), { message: 'give either after or since' });

export const listWebhookEndpointsQuerySchema = listQuerySchema({ tenant_id: id.optional(), directory_id: id.optional() });

export const listDeliveriesQuerySchema = listQuerySchema({
  status: z.enum(['pending', 'succeeded', 'dead']).optional(),
  directory_id: id.optional(),
});

export type CreateWebhookEndpointBody = z.infer<typeof createWebhookEndpointSchema>;
export type UpdateWebhookEndpointBody = z.infer<typeof updateWebhookEndpointSchema>;
export type ReplayBody = z.infer<typeof replaySchema>;
