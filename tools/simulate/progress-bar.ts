/** Where progress goes: stderr, or anything with write(). */
export interface ProgressStream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

/** A one-line progress bar on stderr (redrawn in place on a terminal, every 10% otherwise). */
export class ProgressBar {
  private done = 0;
  private failed = 0;
  private lastDecile = -1;

  constructor(
    private total: number,
    private readonly stream: ProgressStream = process.stderr,
  ) {}

  grow(by: number): void {
    this.total += by;
  }

  tick(ok: boolean): void {
    this.done += 1;
    if (!ok) this.failed += 1;
    this.draw();
  }

  finish(): void {
    this.draw(true);
    this.stream.write('\n');
  }

  private draw(force = false): void {
    const ratio = this.total === 0 ? 1 : Math.min(1, this.done / this.total);
    const width = 30;
    const filled = Math.round(ratio * width);
    const line = `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${this.done}/${this.total} requests, ${this.failed} failed`;
    if (this.stream.isTTY) {
      this.stream.write(`\r${line}`);
      return;
    }
    const decile = Math.floor(ratio * 10);
    if (force || decile !== this.lastDecile) {
      this.lastDecile = decile;
      this.stream.write(`${line}\n`);
    }
  }
}
