/** Loads tables one after another, timing each and reporting progress; interruptible. */
import type { Readable } from "node:stream";
import { type Connection, killQueries } from "../../src/db/connect.js";
import type { ProgressSink, TableReport } from "../progress.js";
import type { RowBuffer } from "../row-buffer.js";
import { type LoadTarget, loadTable } from "./load-data.js";
import { linesStream } from "./pull-stream.js";
import type { FileSpool } from "./spool.js";

export interface LoaderDeps {
  readonly now: () => number;
  readonly progress: ProgressSink;
  readonly signal?: AbortSignal;
  /** Called with the table about to be loaded (for error messages). */
  readonly onTable?: (table: string) => void;
  /** Another connection set up for loading, for tables that load side by side (sideBySide). */
  readonly openConnection?: () => Promise<Connection>;
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw signal.reason instanceof Error ? signal.reason : new Error("interrupted");
}

export class TableLoader {
  constructor(
    private readonly connection: Connection,
    private readonly deps: LoaderDeps,
    /** Every table loaded, in the order they finished (shared by the loaders of sideBySide). */
    readonly reports: TableReport[] = [],
  ) {}

  /**
   * @param rows the rows in the stream, asked once it has ended
   * @param sentRows rows sent so far given the bytes sent so far (progress only)
   */
  async stream(
    target: LoadTarget,
    expected: number,
    stream: Readable,
    rows: () => number,
    sentRows: (bytes: number) => number,
  ): Promise<void> {
    const { deps } = this;
    throwIfAborted(deps.signal);
    deps.progress.tableStarted(target.table, expected);
    const started = deps.now();
    const loaded = await this.send(target, stream, rows, (bytes) => {
      deps.progress.tableProgress(target.table, sentRows(bytes));
    });
    this.done({ table: target.table, rows: loaded, seconds: (deps.now() - started) / 1000 });
  }

  /** One part of a table loaded in parts (SplitTable), reported with the others as one table. */
  async spoolPart(table: SplitTable, index: number, options: { follow?: boolean } = {}): Promise<void> {
    throwIfAborted(this.deps.signal);
    const part = table.start(index, this.deps);
    // Followed: streamed as the simulation writes it, ending when its spool is closed.
    const stream = options.follow ? part.spool.follow() : part.spool.read();
    const loaded = await this.send(
      table.target,
      stream,
      () => part.rows.rows,
      (bytes) => table.progress(index, bytes, this.deps),
    );
    const report = table.finish(loaded, this.deps);
    if (report) this.done(report);
  }

  /** Streams into the table in a transaction of its own; returns the rows stored. */
  private async send(
    target: LoadTarget,
    stream: Readable,
    rows: () => number,
    onSent: (bytes: number) => void,
  ): Promise<number> {
    const { deps } = this;
    deps.onTable?.(target.table);
    // Ends the upload; the statement itself is killed by the run. mysql2 stops listening once the
    // stream has ended, so a destroy after that must not be an unhandled 'error' event.
    const abort = () => stream.on("error", () => undefined).destroy(new Error("interrupted"));
    deps.signal?.addEventListener("abort", abort, { once: true });
    try {
      let bytes = 0;
      return await loadTable(this.connection, target, stream, rows, (chunk) => {
        bytes += chunk;
        onSent(bytes);
      });
    } finally {
      deps.signal?.removeEventListener("abort", abort);
    }
  }

  private done(report: TableReport): void {
    this.deps.progress.tableDone(report);
    this.reports.push(report);
  }

  /**
   * Runs each piece of work on a loader of its own, the first on this one's connection and the
   * others on connections of their own, at the same time; without `openConnection`, one after
   * the other. The first failure stops the others (their streams end and their statements are
   * killed); every piece is waited for, so no load outlives the run, and that failure is thrown.
   */
  async sideBySide(works: readonly ((loader: TableLoader) => Promise<void>)[]): Promise<void> {
    const open = this.deps.openConnection;
    if (!open) {
      for (const work of works) await work(this);
      return;
    }
    const others: Connection[] = [];
    const failed = new AbortController();
    const signal = this.deps.signal ? AbortSignal.any([this.deps.signal, failed.signal]) : failed.signal;
    // An interrupt: the run kills this connection's statement (generate.ts), these the others'.
    const kill = () => void killQueries(open, others);
    this.deps.signal?.addEventListener("abort", kill, { once: true });
    try {
      for (let i = 1; i < works.length; i++) others.push(await open());
      const deps = { ...this.deps, signal };
      const connections = [this.connection, ...others];
      const settled = await Promise.allSettled(
        works.map(async (work, i) => {
          try {
            await work(new TableLoader(connections[i] ?? this.connection, deps, this.reports));
          } catch (error) {
            if (!failed.signal.aborted) {
              failed.abort(error);
              void killQueries(
                open,
                connections.filter((_, j) => j !== i),
              );
            }
            throw error;
          }
        }),
      );
      const rejected = settled.find((s): s is PromiseRejectedResult => s.status === "rejected");
      if (rejected) throw failed.signal.reason ?? rejected.reason;
    } finally {
      this.deps.signal?.removeEventListener("abort", kill);
      await Promise.all(others.map((c) => c.end().catch(() => c.destroy())));
    }
  }

  /** A small table whose rows are text lines. */
  async lines(target: LoadTarget, expected: number, lines: Iterable<string>): Promise<void> {
    let count = 0;
    const stream = linesStream(lines, () => count++);
    await this.stream(
      target,
      expected,
      stream,
      () => count,
      () => count,
    );
  }

  /** A table spooled to a file during the simulation. */
  async spool(target: LoadTarget, rows: RowBuffer, spool: FileSpool): Promise<void> {
    await this.stream(
      target,
      rows.rows,
      spool.read(),
      () => rows.rows,
      (sent) => rowsSent(rows, spool, sent),
    );
  }
}

/** Rows of a spool file sent so far, estimated from its bytes sent (progress only). */
function rowsSent(rows: RowBuffer, spool: FileSpool, bytes: number): number {
  return spool.bytes > 0 ? Math.round((rows.rows * bytes) / spool.bytes) : 0;
}

/**
 * A table whose rows were spooled into several files (the interactions: those that name no
 * order, and the conversions), loaded on different connections, possibly at the same time: it
 * starts with its first part and is reported once, as one table, when its last part is in.
 */
export class SplitTable {
  private started: number | undefined;
  private readonly sent: number[];
  private stored = 0;
  private left: number;

  constructor(
    readonly target: LoadTarget,
    readonly parts: readonly { readonly rows: RowBuffer; readonly spool: FileSpool }[],
  ) {
    this.sent = parts.map(() => 0);
    this.left = parts.length;
  }

  private get expected(): number {
    return this.parts.reduce((sum, part) => sum + part.rows.rows, 0);
  }

  start(index: number, deps: LoaderDeps): { rows: RowBuffer; spool: FileSpool } {
    const part = this.parts[index];
    if (!part) throw new Error(`${this.target.table} has no part ${index}`);
    if (this.started === undefined) {
      this.started = deps.now();
      deps.progress.tableStarted(this.target.table, this.expected);
    }
    return part;
  }

  progress(index: number, bytes: number, deps: LoaderDeps): void {
    const part = this.parts[index];
    if (!part) return;
    this.sent[index] = rowsSent(part.rows, part.spool, bytes);
    deps.progress.tableProgress(
      this.target.table,
      this.sent.reduce((a, b) => a + b, 0),
    );
  }

  /** Records a part's rows; the whole table's report once it was the last part. */
  finish(rows: number, deps: LoaderDeps): TableReport | undefined {
    this.stored += rows;
    this.left -= 1;
    if (this.left > 0) return undefined;
    return {
      table: this.target.table,
      rows: this.stored,
      seconds: (deps.now() - (this.started ?? 0)) / 1000,
    };
  }
}
