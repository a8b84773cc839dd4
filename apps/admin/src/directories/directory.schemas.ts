import { DEPROVISIONING_MODES, DIRECTORY_PROVIDERS } from '@roster/events';
import { listQuerySchema } from '@roster/platform';
import { z } from 'zod';

export const createDirectorySchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  provider: z.enum(DIRECTORY_PROVIDERS),
  deprovisioning: z.enum(DEPROVISIONING_MODES).optional(),
});

const key = z.string().trim().min(1).max(300);

export const updateDirectorySchema = z
  .strictObject({
    name: z.string().trim().min(1).max(200),
    deprovisioning: z.enum(DEPROVISIONING_MODES),
    state: z.enum(['active', 'inactive']),
    /** SCIM attribute path -> custom_attributes key. */
    attribute_mapping: z.record(key, key),
    /** Group id or name -> role slug(s). */
    role_mapping: z.record(key, z.union([key, z.array(key).max(50)])),
    /** Provider credentials, stored encrypted and never returned (google_workspace). */
    provider_config: z.record(z.string(), z.unknown()),
  })
  .partial()
  .refine((body) => Object.keys(body).length > 0, { message: 'give at least one field to change' });

export const rotateTokenSchema = z.strictObject({
  /** How long the old token keeps working, so the IdP can be updated without a gap. */
  grace_seconds: z.coerce
    .number()
    .int()
    .min(0)
    .max(7 * 24 * 3600)
    .default(0),
});

export const listDirectoriesQuerySchema = listQuerySchema({ tenant_id: z.string().min(1).optional() });

export type CreateDirectoryBody = z.infer<typeof createDirectorySchema>;
export type UpdateDirectoryBody = z.infer<typeof updateDirectorySchema>;
