/**
 * Changes of percentages on generated data: ROI and CTR change in percentage points, also
 * when ROI is a loss in either period, and spend relatively; checked against SQL on the base
 * tables, in the JSON of `kpi ask --json`, the terminal text of `kpi ask`, the Slack blocks
 * and the Teams card.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Answer } from "../../src/answer/answer.js";
import { answerSchema } from "../../src/answer/answer-schema.js";
import { answerToBlocks } from "../../src/bot/slack/answer-to-blocks.js";
import { answerToAdaptiveCard } from "../../src/bot/teams/card/adaptive-card.js";
import { slackJson } from "../helpers/block-kit-check.js";
import { div } from "../helpers/expect-close.js";
import { AS_OF, createGeneratedDatabase } from "../helpers/generated-database.js";
import { adSums, type Range } from "../helpers/independent-kpis.js";
import { runKpi } from "../helpers/run-cli.js";
import type { TestDatabase } from "../helpers/test-database.js";
import { kpiOf } from "../helpers/test-engine.js";

let db: TestDatabase;

beforeAll(async () => {
  db = await createGeneratedDatabase("kpi_change");
}, 180_000);

afterAll(async () => {
  await db?.drop();
});

const ask = async (text: string, json: boolean) => {
  const result = await runKpi(["ask", text, "--as-of", AS_OF, ...(json ? ["--json"] : [])], {
    DATABASE_URL: db.url,
    CURRENCY: "EUR",
  });
  expect(result.code, result.stderr).toBe(0);
  return result.stdout;
};

/** ROI, CTR and spend of a range, from the base tables. */
async function figures(range: Range) {
  const s = await adSums(db.connection, range);
  return {
    roi: div(s.revenue - s.cogs - s.spend, s.spend),
    ctr: div(s.clicks, s.impressions),
    spend: s.spend,
  };
}

/** "▲ 375.20 pp": the difference of two fractions in points, with the percentages' two decimals. */
function points(difference: number): string {
  const size = Math.abs(difference * 100);
  return `${difference > 0 ? "▲" : "▼"} ${size.toFixed(2)} pp`;
}

const kpi = kpiOf;

const QUERIES = [
  "campaigns last-30d",
  "campaigns last-7d",
  ...["2026-08", "2026-09", "2026-10", "2026-11"].map((month) => `campaigns ${month}`),
];

describe.each(QUERIES.map((q) => [q]))("%s", (text) => {
  it("ROI and CTR change in points, spend relatively, the same in JSON, terminal, Slack and Teams", async () => {
    const answer = answerSchema.parse(JSON.parse(await ask(text, true))) as Answer;
    expect(answer.comparison).not.toBeNull();
    const now = await figures(answer.period);
    const before = await figures(answer.comparison as Range);
    const terminal = await ask(text, false);
    const slack = slackJson(answerToBlocks(answer, { currency: "EUR" }));
    const teams = JSON.stringify(
      answerToAdaptiveCard({ ...answer, charts: [] }, { currency: "EUR", images: [] }),
    );

    for (const key of ["roi", "ctr"] as const) {
      const [value, previous] = [now[key], before[key]];
      if (value === null || previous === null) throw new Error(`${text}: no ${key} in the data`);
      const shown = kpi(answer, key);
      expect(shown.value).toBeCloseTo(value, 9);
      expect(shown.previous).toBeCloseTo(previous, 9);
      expect(shown.change?.kind, `${text} ${key}`).toBe("points");
      expect(shown.change?.value).toBeCloseTo(value - previous, 9);
      const expected = points(value - previous);
      expect(terminal, `${text} terminal ${key}`).toMatch(
        new RegExp(`\\n {2}${shown.label} +\\S+ +${expected} +prev `),
      );
      expect(slack, `${text} Slack ${key}`).toContain(`*${shown.label}*\\n`);
      expect(slack).toMatch(new RegExp(`\\*${shown.label}\\*\\\\n\\S+ {2}${expected}`));
      expect(teams, `${text} Teams ${key}`).toMatch(
        new RegExp(`"title":"${shown.label}","value":"\\S+ {2}${expected}"`),
      );
    }
    const spend = kpi(answer, "spend");
    expect(before.spend).toBeGreaterThan(0);
    expect(spend.change?.kind).toBe("relative");
    expect(spend.change?.value).toBeCloseTo((now.spend - before.spend) / before.spend, 9);
    expect(terminal).not.toMatch(/ROI .*%\s+prev/); // no relative change of a percentage
  });
});
