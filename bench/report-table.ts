/** The benchmark's result rows: each figure with what it measured, its samples, its target and PASS/MISS. */

export interface ResultRow {
  readonly section: string;
  readonly figure: string;
  readonly value: number;
  readonly unit: string;
  /** How the figure was obtained, e.g. "p95 of 30 runs, scale 10". */
  readonly measured: string;
  readonly target?: { readonly op: "<=" | "<" | ">="; readonly limit: number };
}

export function passes(row: ResultRow): boolean | undefined {
  if (!row.target) return undefined;
  const { op, limit } = row.target;
  if (Number.isNaN(row.value)) return false;
  return op === "<=" ? row.value <= limit : op === "<" ? row.value < limit : row.value >= limit;
}

function formatValue(value: number, unit: string): string {
  if (Number.isNaN(value)) return "n/a";
  const digits = unit === "ms" && value < 10 ? 1 : unit === "×" || unit === "" ? 2 : 0;
  const text = value.toLocaleString("en-US", {
    maximumFractionDigits: digits,
    minimumFractionDigits: digits,
  });
  return unit === "" ? text : `${text} ${unit}`;
}

/** A Markdown table (readable on stdout and pasteable into the README). */
export function formatTable(rows: readonly ResultRow[]): string {
  const lines = ["| area | figure | value | measured | target | result |", "|---|---|---:|---|---|---|"];
  for (const row of rows) {
    const ok = passes(row);
    const target = row.target ? `${row.target.op} ${formatValue(row.target.limit, row.unit)}` : "";
    const result = ok === undefined ? "" : ok ? "PASS" : "**MISS**";
    lines.push(
      `| ${row.section} | ${row.figure} | ${formatValue(row.value, row.unit)} | ${row.measured} | ${target} | ${result} |`,
    );
  }
  return lines.join("\n");
}

export function rowsToJson(rows: readonly ResultRow[]): Array<ResultRow & { result: string | null }> {
  return rows.map((row) => {
    const ok = passes(row);
    return { ...row, result: ok === undefined ? null : ok ? "PASS" : "MISS" };
  });
}
