import { listQuerySchema } from '@roster/platform';
import { z } from 'zod';

const domain = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, 'must be a domain name such as acme.com');

export const createTenantSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  external_id: z.string().trim().min(1).max(200).nullish(),
  domains: z.array(domain).max(100).optional(),
});

export const updateTenantSchema = createTenantSchema
  .partial()
  .refine((body) => Object.keys(body).length > 0, { message: 'give at least one of name, external_id, domains' });

export const listTenantsQuerySchema = listQuerySchema({ external_id: z.string().min(1).optional() });

export type CreateTenantBody = z.infer<typeof createTenantSchema>;
export type UpdateTenantBody = z.infer<typeof updateTenantSchema>;
