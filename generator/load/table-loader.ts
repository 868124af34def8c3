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
  readonly reports: TableReport[] = [];

  constructor(
    private readonly connection: Connection,
    private readonly deps: LoaderDeps,
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
    deps.onTable?.(target.table);
    deps.progress.tableStarted(target.table, expected);
    // Ends the upload; the statement itself is killed by the run. mysql2 stops listening once the
    // stream has ended, so a destroy after that must not be an unhandled 'error' event.
    const abort = () => stream.on("error", () => undefined).destroy(new Error("interrupted"));
    deps.signal?.addEventListener("abort", abort, { once: true });
    const started = deps.now();
    try {
      let bytes = 0;
      const loaded = await loadTable(this.connection, target, stream, rows, (chunk) => {
        bytes += chunk;
        deps.progress.tableProgress(target.table, sentRows(bytes));
      });
      const report = { table: target.table, rows: loaded, seconds: (deps.now() - started) / 1000 };
      deps.progress.tableDone(report);
      this.reports.push(report);
    } finally {
      deps.signal?.removeEventListener("abort", abort);
    }
  }

  /**
   * Runs each piece of work on a loader of its own, the first on this one and the others on
   * connections of their own, at the same time; without `openConnection`, one after the other.
   * Each piece is waited for (a load never outlives the run); the first failure is thrown.
   */
  async sideBySide(works: readonly ((loader: TableLoader) => Promise<void>)[]): Promise<void> {
    const open = this.deps.openConnection;
    if (!open) {
      for (const work of works) await work(this);
      return;
    }
    const others: Connection[] = [];
    // The run kills this loader's statement on an interrupt (generate.ts); the others' are
    // killed here, from a connection of their own (a statement waiting on a lock reads no more
    // of its ended upload).
    const kill = () => void killQueries(open, others);
    this.deps.signal?.addEventListener("abort", kill, { once: true });
    try {
      for (let i = 1; i < works.length; i++) others.push(await open());
      const loaders = [this, ...others.map((c) => new TableLoader(c, this.deps))];
      const settled = await Promise.allSettled(works.map((work, i) => work(loaders[i] ?? this)));
      for (const loader of loaders.slice(1)) this.reports.push(...loader.reports);
      const failed = settled.find((s): s is PromiseRejectedResult => s.status === "rejected");
      if (failed) throw failed.reason;
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
    const estimate = (sent: number) => (spool.bytes > 0 ? Math.round((rows.rows * sent) / spool.bytes) : 0);
    await this.stream(target, rows.rows, spool.read(), () => rows.rows, estimate);
  }
}
