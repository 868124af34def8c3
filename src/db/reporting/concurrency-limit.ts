/**
 * A global cap on concurrent reporting queries: every ReportingSource method runs through
 * one semaphore, so a burst of questions queues here instead of piling onto MySQL.
 */
import type { ReportingSource } from "../../areas/reporting-source.js";

export class Semaphore {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  /** The most ever active at once (for tests and the benchmark). */
  peak = 0;

  constructor(readonly max: number) {
    if (!Number.isInteger(max) || max < 1)
      throw new RangeError(`Semaphore max must be a positive integer, got ${max}`);
  }

  get queued(): number {
    return this.waiting.length;
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
        next(); // the slot passes straight to the next in line
      else this.active--;
    }
  }
}

const METHODS = [
  "filterOptions",
  "adData",
  "adStructure",
  "orders",
  "users",
  "products",
  "lowStock",
  "traffic",
  "freshness",
] as const satisfies readonly (keyof ReportingSource)[];
// A method added to ReportingSource but not listed above fails to compile here.
const everyMethod: Exclude<keyof ReportingSource, (typeof METHODS)[number]> extends never ? true : never =
  true;
void everyMethod;

/** The same source, each method call holding one of `semaphore`'s slots while it runs. */
export function limitConcurrency(source: ReportingSource, semaphore: Semaphore): ReportingSource {
  const limited = {} as Record<string, unknown>;
  for (const key of METHODS) {
    const method = source[key] as (...args: unknown[]) => Promise<unknown>;
    limited[key] = (...args: unknown[]) => semaphore.run(() => method.apply(source, args));
  }
  return limited as unknown as ReportingSource;
}
