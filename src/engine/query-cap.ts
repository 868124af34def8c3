/**
 * The cap on concurrent reporting work (DB_MAX_CONCURRENT_QUERIES): every area load and
 * lookup of the engine runs holding one permit, so a burst of questions and digests queues
 * here instead of piling onto MySQL. The reporting pool has as many connections as permits.
 * The engine gives each read a deadline; one that passes while waiting here leaves the queue.
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

  /** Runs `work` holding a permit; while waiting for one, `signal` aborting leaves the queue. */
  async run<T>(work: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    signal?.throwIfAborted();
    if (this.active >= this.max) await this.permit(signal);
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

  private permit(signal: AbortSignal | undefined): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const granted = () => {
        signal?.removeEventListener("abort", abandon);
        resolve();
      };
      const abandon = () => {
        this.waiting.splice(this.waiting.indexOf(granted), 1);
        reject(signal?.reason);
      };
      this.waiting.push(granted);
      signal?.addEventListener("abort", abandon, { once: true });
    });
  }
}
