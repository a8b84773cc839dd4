/** An error answer of the Roster API: `{"error": {"code", "message", "details"?}}` with its HTTP status. */
export class RosterApiError extends Error {
  override readonly name = 'RosterApiError';

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }

  /** The cursor is older than the server's retention: restart from a fresh one (and resync state). */
  get cursorExpired(): boolean {
    return this.code === 'cursor_expired';
  }

  /** Worth trying again later: rate limits, server errors. */
  get retryable(): boolean {
    return this.status === 429 || this.status >= 500;
  }
}
