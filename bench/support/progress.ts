/**
 * Progress on stderr (stdout carries only the JSON results): rewritten in
 * place on a terminal, else a line at most every few seconds.
 */
export class Progress {
  private lastLine = 0;

  constructor(private readonly label: string) {}

  /** A step worth its own line. */
  step(message: string): void {
    this.clear();
    process.stderr.write(`[${this.label}] ${message}\n`);
  }

  /** A counter that moves often: "done/total". */
  count(what: string, done: number, total?: number): void {
    const text = `[${this.label}] ${what} ${done}${total === undefined ? '' : `/${total}`}`;
    if (process.stderr.isTTY) {
      process.stderr.write(`\r${text}\x1b[K`);
    } else if (Date.now() - this.lastLine > 5_000 || done === total) {
      this.lastLine = Date.now();
      process.stderr.write(`${text}\n`);
    }
  }

  private clear(): void {
    if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
  }
}
