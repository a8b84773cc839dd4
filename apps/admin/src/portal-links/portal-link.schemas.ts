import { z } from 'zod';

export const createPortalLinkSchema = z.strictObject({
  tenant_id: z.string().trim().min(1),
  /** Where the portal's "back" link goes: an http(s) URL of the SaaS application. */
  return_url: z
    .url({ protocol: /^https?$/, message: 'expected an http or https URL' })
    .max(2000)
    .optional(),
});

export type CreatePortalLinkBody = z.infer<typeof createPortalLinkSchema>;
