/**
 * The cap on concurrent reporting work (DB_MAX_CONCURRENT_QUERIES): every area load and
 * lookup of the engine runs holding one permit, so a burst of questions and digests queues
 * here instead of piling onto MySQL. The reporting pool has as many connections as permits.
 */
export class QueryCap {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  /** The most ever active at once (for tests and the benchmark). */
  peak = 0;

  constructor(readonly max: number) {
    if (!Number.isInteger(max) || max < 1)
      throw new RangeError(`The query cap must be a positive integer, got ${max}`);
  }

  get queued(): number {
    return this.waiting.length;
  }

  get running(): number {
    return this.active;
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.active >= this.max) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.active++;
    this.peak = Math.max(this.peak, this.active);
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      if (next)
        next(); // the permit passes straight to the next in line
      else this.active--;
    }
  }
}
