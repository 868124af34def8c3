/**
 * Progress of a run. On a terminal: a live bar per table with rows/s, redrawn in place. In CI
 * (no terminal) or with --quiet: one summary line per table. Both end with the same summary.
 */

export interface TableReport {
  readonly table: string;
  readonly rows: number;
  readonly seconds: number;
}

export interface ProgressSink {
  tableStarted(table: string, expectedRows: number): void;
  /** Rows sent so far (may be an estimate while a spool file streams). */
  tableProgress(table: string, rows: number): void;
  tableDone(report: TableReport): void;
  /** A step that is not a table load ("refreshing derived figures"). */
  phase(message: string): void;
}

const TABLE_WIDTH = 18;
const BAR_WIDTH = 24;
const REDRAW_MS = 100;

export function formatCount(n: number): string {
  return Math.round(n).toLocaleString("en-US");
}

export function rate(rows: number, seconds: number): number {
  return seconds > 0 ? rows / seconds : 0;
}

export function tableLine(report: TableReport): string {
  return `  ${report.table.padEnd(TABLE_WIDTH)} ${formatCount(report.rows).padStart(11)} rows  ${report.seconds.toFixed(1).padStart(6)} s  ${formatCount(rate(report.rows, report.seconds)).padStart(9)} rows/s`;
}

/** One line per finished table (CI, --quiet, pipes). */
export function lineProgress(out: (line: string) => void): ProgressSink {
  return {
    tableStarted: () => undefined,
    tableProgress: () => undefined,
    tableDone: (report) => out(tableLine(report)),
    phase: (message) => out(`  ${message}`),
  };
}

export interface TtyStream {
  write(text: string): unknown;
  readonly columns?: number;
}

/** A live bar redrawn in place (at most every 100 ms), replaced by the table's line when done. */
export function ttyProgress(stream: TtyStream, out: (line: string) => void, now: () => number): ProgressSink {
  let table = "";
  let expected = 0;
  let started = 0;
  let lastDraw = 0;
  const clear = () => stream.write("\r\x1b[2K");
  return {
    tableStarted(name, expectedRows) {
      table = name;
      expected = expectedRows;
      started = now();
      lastDraw = 0;
    },
    tableProgress(name, rows) {
      const t = now();
      if (name !== table || t - lastDraw < REDRAW_MS) return;
      lastDraw = t;
      const share = expected > 0 ? Math.min(1, rows / expected) : 0;
      const filled = Math.round(share * BAR_WIDTH);
      const bar = `${"█".repeat(filled)}${"░".repeat(BAR_WIDTH - filled)}`;
      const speed = rate(rows, (t - started) / 1000);
      clear();
      stream.write(
        `  ${name.padEnd(TABLE_WIDTH)} ${bar} ${formatCount(rows)} / ~${formatCount(expected)} rows  ${formatCount(speed)} rows/s`,
      );
    },
    tableDone(report) {
      clear();
      out(tableLine(report));
    },
    phase(message) {
      clear();
      out(`  ${message}`);
    },
  };
}
