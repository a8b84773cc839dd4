import { listQuerySchema } from '@roster/platform';
import { z } from 'zod';

const sequenceCursor = z.string().regex(/^\d{1,19}$/, 'expected a cursor from list_metadata').optional();

export const listScimRequestsQuerySchema = listQuerySchema({
  before: sequenceCursor,
  after: sequenceCursor,
  /** `failed`: HTTP status 400 and above; `succeeded`: below 400. */
  status: z.enum(['failed', 'succeeded']).optional(),
});
