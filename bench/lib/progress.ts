/** A one-line progress bar on stderr (plain lines when stderr is not a terminal). */
export class Progress {
  private done_ = 0;
  private readonly started = Date.now();
  private lastDraw = 0;

  constructor(
    private readonly label: string,
    private readonly total: number,
  ) {}

  tick(n: number): void {
    this.done_ += n;
    const now = Date.now();
    if (now - this.lastDraw > (process.stderr.isTTY ? 200 : 5_000)) {
      this.lastDraw = now;
      this.draw();
    }
  }

  done(): void {
    this.draw();
    process.stderr.write(process.stderr.isTTY ? '\n' : '');
  }

  private draw(): void {
    const seconds = (Date.now() - this.started) / 1000;
    const rate = this.done_ / Math.max(seconds, 0.001);
    const fraction = Math.min(1, this.done_ / Math.max(this.total, 1));
    const width = 30;
    const bar = '#'.repeat(Math.round(fraction * width)).padEnd(width, '.');
    const eta = rate > 0 ? Math.max(0, (this.total - this.done_) / rate) : 0;
    const line = `${this.label.padEnd(9)} [${bar}] ${this.done_}/${this.total} ${rate.toFixed(0)}/s ${seconds.toFixed(0)}s elapsed, ETA ${eta.toFixed(0)}s`;
    process.stderr.write(process.stderr.isTTY ? `\r${line}` : `${line}\n`);
  }
}
