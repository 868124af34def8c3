/**
 * The files that cards link to, kept in memory: chart PNGs too big to travel inside the
 * message, and the CSV downloads of answers' tables. Least recently used first out, bounded
 * in count and bytes, each entry gone after its time to live. A restart forgets them (the link
 * then answers 404).
 */

/** What a link serves: a chart image or a table as CSV (also the file's extension). */
export const LINK_KINDS = ["png", "csv"] as const;

export type LinkKind = (typeof LINK_KINDS)[number];

export const CHART_STORE_MAX_ENTRIES = 1_000;
export const CHART_STORE_MAX_BYTES = 64 * 1024 * 1024;

interface Entry {
  readonly bytes: Buffer;
  readonly kind: LinkKind;
  readonly filename: string | undefined;
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

  /** Stores a file under `id`; returns when it expires. */
  put(id: string, bytes: Buffer, kind: LinkKind = "png", filename?: string): Date {
    const expiresAt = this.options.now().getTime() + this.options.ttlMs;
    this.remove(id);
    this.entries.set(id, { bytes, kind, filename, expiresAt });
    this.bytes += bytes.length;
    this.evict();
    return new Date(expiresAt);
  }

  /** The file, or undefined when unknown, of another kind, evicted or expired. */
  get(id: string, kind: LinkKind = "png"): Buffer | undefined {
    return this.entry(id, kind)?.bytes;
  }

  /** The name a download is saved under, when one was given. */
  filename(id: string, kind: LinkKind): string | undefined {
    return this.entry(id, kind)?.filename;
  }

  private entry(id: string, kind: LinkKind): Entry | undefined {
    const entry = this.entries.get(id);
    if (!entry || entry.kind !== kind) return undefined;
    if (entry.expiresAt <= this.options.now().getTime()) {
      this.remove(id);
      return undefined;
    }
    // Re-insert: Map keeps insertion order, so the first key is the least recently used.
    this.entries.delete(id);
    this.entries.set(id, entry);
    return entry;
  }

  clear(): void {
    this.entries.clear();
    this.bytes = 0;
  }

  private remove(id: string): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    this.entries.delete(id);
    this.bytes -= entry.bytes.length;
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
