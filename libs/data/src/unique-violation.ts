/** Thrown by repositories when a write hits a unique constraint. */
export class UniqueViolationError extends Error {
  constructor(readonly target: string) {
    super(`unique constraint violated: ${target}`);
  }
}

/** Prisma's unique-violation error (P2002), translated; anything else is rethrown as is. */
export function translateUniqueViolation(error: unknown, target: string): never {
  if ((error as { code?: string } | null)?.code === 'P2002') throw new UniqueViolationError(target);
  throw error;
}
