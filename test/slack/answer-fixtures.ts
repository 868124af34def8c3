/** Answers for the Slack renderer tests: a realistic one and builders for oversized ones. */
import { answerActions } from "../../src/answer/actions.js";
import type { Answer, AnswerTable, ChartSpec, Kpi, Query } from "../../src/answer/answer.js";
import type { Area } from "../../src/areas/registry.js";
import { parseCommand } from "../../src/commands/parse.js";

export function query(text: string): Query<Area> {
  const parsed = parseCommand(text);
  if (parsed.kind !== "query") throw new Error(`not a query: ${text}`);
  return parsed.query;
}

/** The answer as if it answered `text`: its query and the actions that query offers. */
export function answering<A extends Omit<Answer, "query" | "actions" | "coverage">>(
  answer: A & Partial<Pick<Answer, "coverage">>,
  text: string,
): Answer {
  const q = query(text);
  return {
    coverage: null,
    ...answer,
    query: q,
    actions: answerActions(q, { asOfNow: q.area === "stock", hasTables: answer.tables.length > 0 }),
  };
}

export const CAMPAIGNS: Answer = answering(
  {
    area: "campaigns",
    title: "Campaigns · last 30 days",
    period: { from: "2026-10-27", to: "2026-11-25", timezone: "UTC", label: "last 30 days" },
    comparison: { from: "2026-09-27", to: "2026-10-26" },
    kpis: [
      {
        key: "spend",
        label: "Spend",
        value: 37,
        previous: 80,
        change: { kind: "relative", value: -0.5375 },
        unit: "money",
      },
      {
        key: "revenue",
        label: "Revenue",
        value: 300,
        previous: 400,
        change: { kind: "relative", value: -0.25 },
        unit: "money",
      },
      { key: "roas", label: "ROAS", value: 10.54, previous: 0, change: null, unit: "multiple" },
      {
        key: "ctr",
        label: "CTR",
        value: 0.0023,
        previous: 0.0002,
        change: { kind: "points", value: 0.0021 },
        unit: "percent",
      },
      {
        key: "cpa",
        label: "CPA",
        value: 18.5,
        previous: 10,
        change: { kind: "relative", value: 0.85 },
        unit: "money",
      },
      {
        key: "leads",
        label: "Leads",
        value: 3,
        previous: 3,
        change: { kind: "relative", value: 0 },
        unit: "count",
      },
      { key: "cvr", label: "CVR", value: 0.22, previous: null, change: null, unit: "percent" },
    ],
    tables: [
      {
        key: "by_campaign",
        title: "Campaigns by profit",
        columns: ["campaign", "spend", "revenue", "roas"],
        units: ["text", "money", "money", "multiple"],
        rows: [
          ["Autumn Sale", 37, 390, 10.54],
          ["Brand & <Friends>", 0, null, null],
        ],
      },
    ],
    charts: [
      {
        key: "roas_by_campaign",
        kind: "horizontal-bar",
        title: "ROAS by campaign",
        labels: ["Autumn Sale"],
        series: [{ name: "ROAS", values: [10.54] }],
        unit: "multiple",
      },
    ],
    notes: ["Revenue is attributed to the last ad clicked."],
  },
  "campaigns last-30d",
);

const long = (n: number, unit = "Ab&<>é😀 ") => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);

export function manyKpis(n: number): Kpi[] {
  return Array.from({ length: n }, (_, i) => ({
    key: `metric_${i}`,
    label: `${long(300)} ${i}`,
    value: 1e15 * (i + 1),
    previous: i % 3 === 0 ? null : 1e14,
    change: i % 3 === 0 ? null : { kind: "relative" as const, value: 9 },
    unit: (["money", "count", "percent", "days"] as const)[i % 4] ?? "count",
  }));
}

export function bigTable(key: string, rows: number, columns: number): AnswerTable {
  return {
    key,
    title: long(500),
    columns: Array.from({ length: columns }, (_, c) => `column_${c}_${long(40, "x")}`),
    units: Array.from({ length: columns }, (_, c) => (c === 0 ? "text" : "money")),
    rows: Array.from({ length: rows }, (_, r) =>
      Array.from({ length: columns }, (_, c) => (c === 0 ? `${long(500)} ${r}` : r * 1234567.891 + c)),
    ),
  };
}

export function manyCharts(n: number): ChartSpec[] {
  return Array.from({ length: n }, (_, i) => ({
    key: `chart_${i}`,
    kind: "bar",
    title: `${long(500)} ${i}`,
    labels: ["a", "b"],
    series: [{ name: "s", values: [1, 2] }],
  }));
}

/** 200 table rows, 30 KPIs, 10 charts, 500-character titles, notes and cells. */
export const OVERSIZED: Answer = {
  ...CAMPAIGNS,
  title: long(500),
  kpis: manyKpis(30),
  tables: [bigTable("huge", 200, 12)],
  charts: manyCharts(10),
  notes: Array.from({ length: 15 }, (_, i) => `${long(5000)} ${i}`),
};
