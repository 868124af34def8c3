/** A hand-made Answer with every part the Teams card shows, sized by the caller. */
import type { Answer } from "../../src/answer/answer.js";
import { answering } from "../slack/answer-fixtures.js";

export function sampleAnswer(options: { rows?: number; charts?: number } = {}): Answer {
  const rows = options.rows ?? 3;
  const charts = options.charts ?? 1;
  return answering(
    {
      area: "campaigns",
      title: "Campaigns · last 30 days",
      period: { from: "2026-10-27", to: "2026-11-25", timezone: "UTC", label: "last 30 days" },
      comparison: { from: "2026-09-27", to: "2026-10-26" },
      kpis: [
        {
          key: "spend",
          label: "Spend",
          value: 1200.5,
          previous: 1000,
          change: { kind: "relative", value: 0.2005 },
          unit: "money",
        },
        {
          key: "roas",
          label: "ROAS",
          value: 3.42,
          previous: 3.8,
          change: { kind: "relative", value: -0.1 },
          unit: "multiple",
        },
        { key: "ctr", label: "CTR", value: 0.0123, previous: null, change: null, unit: "percent" },
      ],
      tables: [
        {
          key: "by_campaign",
          title: "Campaigns by profit",
          columns: ["campaign", "spend", "revenue", "roas", "ctr", "cvr", "cpc", "leads"],
          units: ["text", "money", "money", "multiple", "percent", "percent", "money", "count"],
          rows: Array.from({ length: rows }, (_, i) => [
            `Campaign ${i + 1}`,
            100 + i,
            400 + i,
            4 + i / 100,
            0.02,
            null,
            0.5,
            10 + i,
          ]),
        },
        {
          key: "by_platform",
          columns: ["platform", "spend"],
          units: ["text", "money"],
          rows: [["Meta", 1]],
        },
      ],
      charts: Array.from({ length: charts }, (_, i) => ({
        key: `chart_${i + 1}`,
        kind: "bar" as const,
        title: `ROAS by platform ${i + 1}`,
        labels: ["Meta", "Google", "TikTok"],
        series: [{ name: "ROAS", values: [3.4, 2.1, 1.2 + i] }],
        unit: "multiple" as const,
      })),
      notes: ["Data up to Nov 25, 2026."],
    },
    "campaigns last-30d",
  );
}
