/**
 * A bounded in-memory cache with single flight: at most `maxEntries` values and `maxBytes`
 * bytes (each value's size as its owner measures it), the least recently used evicted first.
 * Concurrent asks for a key that is not kept yet share one computation; a failed computation
 * is not kept (the next ask computes again). Counts what it did, for /metrics.
 */

export interface CacheBounds {
  readonly maxEntries: number;
  readonly maxBytes: number;
}

export interface CacheStats {
  /** Asks answered from a kept value. */
  readonly hits: number;
  /** Asks that started a computation. */
  readonly misses: number;
  /** Asks that joined a computation already under way (single flight). */
  readonly shared: number;
  readonly evictions: number;
  readonly entries: number;
  readonly bytes: number;
}

/** Whether to keep a computed value, and under what size in bytes (undefined: do not keep it). */
export type KeepDecision<V> = (value: V) => number | undefined | Promise<number | undefined>;

export class BoundedCache<V> {
  private readonly kept = new Map<string, { readonly value: V; readonly bytes: number }>();
  private readonly flights = new Map<string, Promise<V>>();
  private bytes = 0;
  private counts = { hits: 0, misses: 0, shared: 0, evictions: 0 };

  constructor(readonly bounds: CacheBounds) {
    if (!(bounds.maxEntries >= 0 && bounds.maxBytes >= 0)) {
      throw new RangeError(`cache bounds must be >= 0: ${JSON.stringify(bounds)}`);
    }
  }

  /** The kept value (now the most recently used), or undefined. Counts nothing. */
  peek(key: string): V | undefined {
    const entry = this.kept.get(key);
    if (!entry) return undefined;
    this.kept.delete(key);
    this.kept.set(key, entry);
    return entry.value;
  }

  /** Keeps a value (replacing one under the key), then evicts the least recently used while over a bound. */
  set(key: string, value: V, bytes: number): void {
    this.delete(key);
    if (bytes > this.bounds.maxBytes || this.bounds.maxEntries === 0) return;
    this.kept.set(key, { value, bytes });
    this.bytes += bytes;
    for (const [oldest, entry] of this.kept) {
      if (this.kept.size <= this.bounds.maxEntries && this.bytes <= this.bounds.maxBytes) break;
      this.kept.delete(oldest);
      this.bytes -= entry.bytes;
      this.counts.evictions += 1;
    }
  }

  delete(key: string): void {
    const entry = this.kept.get(key);
    if (!entry) return;
    this.kept.delete(key);
    this.bytes -= entry.bytes;
  }

  /**
   * The value for `key`: kept, or the one a computation under way gives, or computed now by
   * `compute` and kept when `keep` gives it a size. Rejects as the computation does.
   */
  get(key: string, compute: () => Promise<V>, keep: KeepDecision<V>): Promise<V> {
    const hit = this.peek(key);
    if (hit !== undefined) {
      this.counts.hits += 1;
      return Promise.resolve(hit);
    }
    const flying = this.flights.get(key);
    if (flying) {
      this.counts.shared += 1;
      return flying;
    }
    this.counts.misses += 1;
    const flight = (async () => {
      try {
        const value = await compute();
        const bytes = await keep(value);
        if (bytes !== undefined) this.set(key, value, bytes);
        return value;
      } finally {
        this.flights.delete(key);
      }
    })();
    this.flights.set(key, flight);
    return flight;
  }

  /** Forgets every kept value (computations under way go on; whether they keep theirs is `keep`'s call). */
  clear(): void {
    this.kept.clear();
    this.bytes = 0;
  }

  stats(): CacheStats {
    return { ...this.counts, entries: this.kept.size, bytes: this.bytes };
  }
}

/** The UTF-16 size of a value's JSON: what an answer (or a table of numbers) costs to keep, roughly. */
export function jsonBytes(value: unknown): number {
  return 2 * JSON.stringify(value, (_key, v: unknown) => (v instanceof Map ? [...v] : v)).length;
}

/** JSON with object keys sorted, so equal data gives one key whatever order its fields were written in. */
export function stableKey(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== "object" || Array.isArray(v)) return v;
    const sorted: Record<string, unknown> = {};
    for (const name of Object.keys(v).sort()) sorted[name] = (v as Record<string, unknown>)[name];
    return sorted;
  });
}
