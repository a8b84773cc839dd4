import type { z } from 'zod';
import { ApiError } from '../errors/api-error';

/**
 * Validates a request body or query with a zod schema; a failure is a 400
 * `invalid_request` listing each problem with its field.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input ?? {});
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => ({ field: issue.path.join('.') || null, message: issue.message }));
  const summary = problems.map((p) => (p.field ? `${p.field}: ${p.message}` : p.message)).join('; ');
  throw ApiError.badRequest('invalid_request', `The request is not valid: ${summary}.`, problems);
}
