/**
 * The files that cards link to, kept in memory: chart PNGs too big to travel inside the
 * message, and the CSV downloads of answers' tables, in a BoundedCache: least recently used
 * first out, bounded in count and bytes. An entry past its time to live is never served (it
 * is dropped when asked for, or evicted). A restart forgets them (the link then answers 404).
 */

import { BoundedCache } from "../../../cache/bounded-cache.js";

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
  private readonly entries: BoundedCache<Entry>;

  constructor(private readonly options: ChartStoreOptions) {
    this.entries = new BoundedCache<Entry>({
      maxEntries: options.maxEntries ?? CHART_STORE_MAX_ENTRIES,
      maxBytes: options.maxBytes ?? CHART_STORE_MAX_BYTES,
    });
  }

  get size(): number {
    return this.entries.stats().entries;
  }

  get totalBytes(): number {
    return this.entries.stats().bytes;
  }

  /** Stores a file under `id` (a file larger than the byte bound is not kept); returns when it expires. */
  put(id: string, bytes: Buffer, kind: LinkKind = "png", filename?: string): Date {
    const expiresAt = this.options.now().getTime() + this.options.ttlMs;
    this.entries.set(id, { bytes, kind, filename, expiresAt }, bytes.length);
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
    const entry = this.entries.peek(id);
    if (!entry || entry.kind !== kind) return undefined;
    if (entry.expiresAt <= this.options.now().getTime()) {
      this.entries.delete(id);
      return undefined;
    }
    return entry;
  }

  clear(): void {
    this.entries.clear();
  }
}
