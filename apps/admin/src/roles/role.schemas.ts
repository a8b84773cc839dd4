import { z } from 'zod';

const roleSchema = z.strictObject({
  slug: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .regex(/^[a-z0-9][a-z0-9_:.-]*$/, 'lowercase letters, digits and _ : . - only'),
  name: z.string().trim().min(1).max(200),
});

const roleListSchema = z
  .array(roleSchema)
  .max(500)
  .refine((roles) => new Set(roles.map((role) => role.slug)).size === roles.length, { message: 'role slugs must be unique' });

/** `PUT /v1/roles` takes the whole catalogue, as a bare array or as `{"roles": [...]}`. */
export const replaceRolesSchema = z.union([roleListSchema, z.strictObject({ roles: roleListSchema }).transform((body) => body.roles)]);

export type RoleBody = z.infer<typeof roleSchema>;
