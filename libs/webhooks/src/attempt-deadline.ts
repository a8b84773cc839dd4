/**
 * The one deadline of a webhook attempt, DNS to last body byte: a timer and
 * at most one thing to abort when it passes. Lighter than an AbortSignal,
 * whose listeners cost more than the rest of a local attempt.
 */
export class AttemptDeadline {
  private abortCurrent: ((reason: Error) => void) | null = null;
  private readonly timer: NodeJS.Timeout;
  /** Set once the deadline has passed. */
  expired: Error | null = null;

  constructor(timeoutMs: number) {
    this.timer = setTimeout(() => {
      this.expired = Object.assign(new Error(`no complete answer within ${timeoutMs} ms`), {
        name: 'TimeoutError',
        code: 'ETIMEDOUT',
      });
      this.abortCurrent?.(this.expired);
    }, timeoutMs);
  }

  /** Calls `abort` when the deadline passes (at once if it has), instead of whatever was registered before. */
  onExpire(abort: (reason: Error) => void): void {
    this.abortCurrent = abort;
    if (this.expired) abort(this.expired);
  }

  /** Settles with `work`, or rejects when the deadline passes first. */
  race<T>(work: Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.onExpire(reject);
      work.then(resolve, reject);
    });
  }

  clear(): void {
    clearTimeout(this.timer);
    this.abortCurrent = null;
  }
}
