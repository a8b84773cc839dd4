/** How one write of a batch ended, so one failure does not fail its neighbours. */
export type WriteOutcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

export const succeeded = <T>(value: T): WriteOutcome<T> => ({ ok: true, value });
export const failed = (error: unknown): WriteOutcome<never> => ({ ok: false, error });
