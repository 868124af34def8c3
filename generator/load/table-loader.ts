/** Loads tables one after another, timing each and reporting progress; interruptible. */
import type { Readable } from "node:stream";
import type { Connection } from "../../src/db/connect.js";
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
