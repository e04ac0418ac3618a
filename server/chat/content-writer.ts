/**
 * Writes an answer's text to its row while the model writes it, at most once
 * per interval, one write at a time and always the latest text, so
 * teammates watching the thread through Zero see it grow without a write per
 * token. `settle()` waits for the last write before the final one.
 */
export class ContentWriter {
  private latest = '';
  private written = '';
  private lastAt = 0;
  private timer: NodeJS.Timeout | undefined;
  private pending: Promise<void> = Promise.resolve();

  private readonly write: (content: string) => Promise<void>;
  private readonly intervalMs: number;
  private readonly log: (line: string) => void;

  constructor(write: (content: string) => Promise<void>, intervalMs: number, log: (line: string) => void) {
    this.write = write;
    this.intervalMs = intervalMs;
    this.log = log;
  }

  update(content: string): void {
    this.latest = content;
    if (this.timer) return;
    const wait = Math.max(0, this.lastAt + this.intervalMs - Date.now());
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.pending = this.pending.then(() => this.flush());
    }, wait);
  }

  private async flush(): Promise<void> {
    const content = this.latest;
    if (content === this.written) return;
    this.lastAt = Date.now();
    try {
      await this.write(content);
      this.written = content;
    } catch (err) {
      // A lost intermediate write is harmless: the final write carries the whole answer.
      this.log(`[chat] could not store the answer so far: ${(err as Error).message}`);
    }
  }

  /** Stops scheduling and waits for a write under way. */
  async settle(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.pending;
  }
}
