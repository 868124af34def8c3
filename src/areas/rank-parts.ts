/**
 * A ranking (`top=5 by=roas`) applied to what an area built: every table with the `by` column
 * is ordered by it (top: highest first; bottom: lowest first; rows without a value last) and
 * cut to `limit` rows; bar charts over the members of a ranked table follow its order and cut;
 * and a chart of the ranked KPI leads when none of the area's charts shows it.
 */
import type { AnswerTable, Cell, ChartSpec } from "../answer/answer.js";
import { codeLabel } from "../answer/code-labels.js";
import type { Ranking } from "../answer/query.js";
import { headingOf, unitOf } from "../metrics/measures.js";
import type { AnswerParts } from "./area-module.js";

const numberAt = (row: readonly Cell[], column: number): number | null => {
  const value = row[column];
  return typeof value === "number" && Number.isFinite(value) ? value : null;
};

/** "Top 5 by ROAS", "Lowest 3 by CPA", "Ranked by CTR, highest first". */
export function rankTitle(rank: Ranking): string {
  const heading = headingOf(rank.by);
  if (rank.limit === undefined)
    return `Ranked by ${heading}, ${rank.order === "top" ? "highest" : "lowest"} first`;
  return `${rank.order === "top" ? "Top" : "Lowest"} ${rank.limit} by ${heading}`;
}

function rankTable(table: AnswerTable, rank: Ranking): AnswerTable | undefined {
  const column = table.columns.indexOf(rank.by);
  if (column <= 0 || table.units?.[0] !== "text") return undefined;
  const sign = rank.order === "top" ? -1 : 1;
  const rows = [...table.rows].sort((a, b) => {
    const [x, y] = [numberAt(a, column), numberAt(b, column)];
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    return x === y ? String(a[0]).localeCompare(String(b[0])) : sign * (x - y);
  });
  const kept = rank.limit === undefined ? rows : rows.slice(0, rank.limit);
  const cut = kept.length < rows.length ? ` of ${rows.length}` : "";
  return { ...table, title: `${rankTitle(rank)}${cut ? ` (${cut.trim()})` : ""}`, rows: kept };
}

/** A bar chart over the members of a ranked table, in its order and cut. */
function followChart(chart: ChartSpec, ranked: readonly AnswerTable[]): ChartSpec {
  if (chart.kind !== "bar" && chart.kind !== "horizontal-bar") return chart;
  for (const table of ranked) {
    const order = table.rows.map((row) => codeLabel(String(row[0])));
    if (!chart.labels.some((label) => order.includes(label))) continue;
    const positions = order.map((label) => chart.labels.indexOf(label)).filter((index) => index >= 0);
    return {
      ...chart,
      labels: positions.map((i) => chart.labels[i] as string),
      series: chart.series.map((s) => ({ ...s, values: positions.map((i) => s.values[i] ?? null) })),
    };
  }
  return chart;
}

export function rankParts(parts: AnswerParts, rank: Ranking): AnswerParts {
  const ranked: AnswerTable[] = [];
  const tables = parts.tables.map((table) => {
    const done = rankTable(table, rank);
    if (done) ranked.push(done);
    return done ?? table;
  });
  const charts = parts.charts.map((chart) => followChart(chart, ranked));
  const lead = ranked[0];
  const heading = headingOf(rank.by);
  const shown = charts.some(
    (chart) => chart.series.some((s) => s.name.startsWith(heading)) && lead && chart.labels.length > 0,
  );
  if (lead && !shown) {
    const column = lead.columns.indexOf(rank.by);
    const rows = lead.rows.filter((row) => numberAt(row, column) !== null);
    charts.unshift({
      key: `rank_${rank.by}`,
      kind: "horizontal-bar",
      title: `${rankTitle(rank)} · ${headingOf(lead.columns[0] ?? "")}`,
      labels: rows.map((row) => codeLabel(String(row[0]))),
      series: [{ name: heading, values: rows.map((row) => numberAt(row, column)) }],
      unit: unitOf(rank.by),
    });
  }
  return { ...parts, tables, charts };
}
