/** How a run reads in a terminal: the header before, the totals after the per-table lines. */
import type { GenerateReport } from "./generate.js";
import type { GenerateOptions } from "./options.js";
import { formatCount, rate, tableLine } from "./progress.js";

export function describeStart(options: GenerateOptions, database: string): string {
  const { endTime } = options;
  const end = endTime === undefined ? options.endDate : `${options.endDate} at ${endTime}`;
  const repeat = endTime === undefined ? "" : `; same data again with --end-time ${endTime}`;
  return `Generating ${options.days} days of data ending ${end} (seed ${options.seed}, scale ${options.scale}${repeat}) into ${database}:`;
}

/** @param peakRssBytes the process's peak resident memory, when known */
export function describeReport(report: GenerateReport, peakRssBytes?: number): string[] {
  const memory = peakRssBytes === undefined ? "" : ` Peak memory ${Math.round(peakRssBytes / 1048576)} MB.`;
  return [
    `  ${"-".repeat(64)}`,
    tableLine({
      table: `total (${report.tables.length} tables)`,
      rows: report.totalRows,
      seconds: report.loadSeconds,
    }),
    `Generated ${formatCount(report.totalRows)} rows in ${report.seconds.toFixed(1)} s (${formatCount(rate(report.totalRows, report.seconds))} rows/s overall): generating and loading ${report.loadSeconds.toFixed(1)} s, deriving totals and rollups ${report.refreshSeconds.toFixed(1)} s.${memory}`,
  ];
}
