import { DIRECTORY_PROVIDERS, DEPROVISIONING_MODES } from '@roster/events';
import { z } from 'zod';

// Urlencoded forms repeat a field name for each row: one value or many.
const repeated = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((value) => (value === undefined ? [] : [value].flat()));

const csrf = { _csrf: z.string() };

export const connectForm = z.object({ ...csrf, provider: z.enum(DIRECTORY_PROVIDERS) });

export const rotateForm = z.object({ ...csrf, confirm: z.literal('yes', { message: 'confirm the rotation' }) });

export const settingsForm = z.object({ ...csrf, deprovisioning: z.enum(DEPROVISIONING_MODES) });

export const googleForm = z.object({
  ...csrf,
  admin_email: z.email().max(320),
  service_account_key: z.string().trim().min(2).max(20_000),
});

export const attributesForm = z.object({ ...csrf, path: repeated, key: repeated });

/** `group` lists the groups on the page; `role_<group id>` holds each one's role ('' = none). */
export const rolesForm = z.looseObject({ ...csrf, group: repeated });

/** A custom attribute key: what the application reads in `custom_attributes`. */
export const CUSTOM_ATTRIBUTE_KEY = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;

export const logQuery = z.object({
  status: z.enum(['failed']).optional(),
  before: z.string().regex(/^\d{1,19}$/).optional(),
  after: z.string().regex(/^\d{1,19}$/).optional(),
});

export const savedQuery = z.object({ saved: z.string().optional(), q: z.string().max(200).optional() });
