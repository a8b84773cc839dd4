import { z } from 'zod';

/**
 * The OpenAPI schema of a zod request schema, so a body is described once: the
 * same schema validates requests and documents them in /docs.
 */
export function openApiSchema(schema: z.ZodType): Record<string, unknown> {
  return z.toJSONSchema(schema, { target: 'openapi-3.0', io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}
