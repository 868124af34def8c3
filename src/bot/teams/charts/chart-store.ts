/**
 * The chart PNGs that cards link to (when they are too big to travel inside the message),
 * kept in memory: least recently used first out, bounded in count and bytes, each entry
 * gone after its time to live. A restart forgets them (the link then answers 404).
 */

export const CHART_STORE_MAX_ENTRIES = 1_000;
export const CHART_STORE_MAX_BYTES = 64 * 1024 * 1024;

interface Entry {
  readonly png: Buffer;
  readonly expiresAt: number;
}

export interface ChartStoreOptions {
  readonly ttlMs: number;
  readonly now: () => Date;
  readonly maxEntries?: number;
  readonly maxBytes?: number;
}

export class ChartStore {
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;
  private readonly maxEntries: number;
  private readonly maxBytes: number;

  constructor(private readonly options: ChartStoreOptions) {
    this.maxEntries = options.maxEntries ?? CHART_STORE_MAX_ENTRIES;
    this.maxBytes = options.maxBytes ?? CHART_STORE_MAX_BYTES;
  }

  get size(): number {
    return this.entries.size;
  }

  get totalBytes(): number {
    return this.bytes;
  }

  /** Stores a PNG under `id`; returns when it expires. */
  put(id: string, png: Buffer): Date {
    const expiresAt = this.options.now().getTime() + this.options.ttlMs;
    this.remove(id);
    this.entries.set(id, { png, expiresAt });
    this.bytes += png.length;
    this.evict();
    return new Date(expiresAt);
  }

  /** The PNG, or undefined when unknown, evicted or expired. */
  get(id: string): Buffer | undefined {
    const entry = this.entries.get(id);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.options.now().getTime()) {
      this.remove(id);
      return undefined;
    }
    // Re-insert: Map keeps insertion order, so the first key is the least recently used.
    this.entries.delete(id);
    this.entries.set(id, entry);
    return entry.png;
  }

  clear(): void {
    this.entries.clear();
    this.bytes = 0;
  }

  private remove(id: string): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    this.entries.delete(id);
    this.bytes -= entry.png.length;
  }

  private evict(): void {
    const now = this.options.now().getTime();
    for (const [id, entry] of this.entries) {
      if (entry.expiresAt <= now) this.remove(id);
    }
    while (this.entries.size > this.maxEntries || (this.bytes > this.maxBytes && this.entries.size > 1)) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.remove(oldest);
    }
  }
}
