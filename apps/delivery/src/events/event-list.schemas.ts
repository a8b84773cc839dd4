import { EVENT_TYPES } from '@roster/events';
import { z } from 'zod';
import { decodeCursor } from './event-cursor';

const cursor = z
  .string()
  .min(1)
  .transform((value, ctx) => {
    if (value === 'now') return 'now' as const;
    const position = decodeCursor(value);
    if (position) return position;
    ctx.addIssue({ code: 'custom', message: 'expected a cursor from list_metadata.after, or now' });
    return z.NEVER;
  });

// `types=a,b` or `types=a&types=b`.
const eventTypes = z
  .union([z.string(), z.array(z.string())])
  .transform((value) => [value].flat().flatMap((item) => item.split(',')).map((item) => item.trim()).filter(Boolean))
  .pipe(z.array(z.enum(EVENT_TYPES)).min(1, 'give at least one event type'));

/** `GET /v1/events` (CONTRACT section 6). Unknown parameters are refused, as on every `/v1` list. */
export const listEventsQuerySchema = z
  .strictObject({
    after: cursor.optional(),
    range_start: z.iso
      .datetime({ offset: true })
      .transform((value) => new Date(value))
      .optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(100),
    types: eventTypes.optional(),
    tenant_id: z.string().min(1).optional(),
    directory_id: z.string().min(1).optional(),
    wait: z.coerce.number().min(0).max(30).default(0),
  })
  .refine((query) => !(query.after && query.range_start), { message: 'use either after or range_start, not both' });

export type ListEventsQuery = z.infer<typeof listEventsQuerySchema>;
