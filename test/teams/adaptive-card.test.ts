/** answerToAdaptiveCard: a pure Answer → Adaptive Card 1.5 renderer, checked against the 1.5 validator. */
import { describe, expect, it } from "vitest";
import {
  answerToAdaptiveCard,
  TEAMS_TABLE_MAX_COLUMNS,
  TEAMS_TABLE_MAX_ROWS,
} from "../../src/bot/teams/card/adaptive-card.js";
import type { FactSet, Image, Table, TextBlock } from "../../src/bot/teams/card/adaptive-card-types.js";
import { validateAdaptiveCard } from "../helpers/adaptive-card-validator.js";
import { ANSWER_BUTTONS } from "../helpers/answer-buttons.js";
import { sampleAnswer } from "./sample-answer.js";

const PNG_URI = "data:image/png;base64,iVBORw0KGgo=";
const images = (n: number) => Array.from({ length: n }, (_, i) => ({ url: PNG_URI, altText: `Chart ${i}` }));
const cellText = (table: Table, row: number, column: number) =>
  table.rows[row]?.cells[column]?.items[0]?.text;

describe("answerToAdaptiveCard", () => {
  const card = answerToAdaptiveCard(sampleAnswer({ charts: 2 }), { currency: "EUR", images: images(2) });

  it("is a valid Adaptive Card 1.5 with title, period, facts, table, images and buttons", () => {
    expect(validateAdaptiveCard(card)).toEqual([]);
    expect(card.version).toBe("1.5");
    const [title, period] = card.body as TextBlock[];
    expect(title?.text).toBe("Campaigns · last 30 days");
    expect(period?.text).toBe("Oct 27 – Nov 25, 2026 · UTC · vs Sep 27 – Oct 26, 2026");
    expect(card.body.map((e) => e.type)).toEqual([
      "TextBlock",
      "TextBlock",
      "FactSet",
      "TextBlock",
      "Table",
      "TextBlock",
      "TextBlock",
      "Image",
      "TextBlock",
      "Image",
      "TextBlock",
    ]);
    expect(card.actions?.map((a) => a.title)).toEqual(ANSWER_BUTTONS);
  });

  it("formats the KPI facts with the shared formatter, changes as ▲/▼ and — without one", () => {
    const facts = card.body.find((e): e is FactSet => e.type === "FactSet")?.facts;
    expect(facts).toEqual([
      { title: "Spend", value: "€1,200.50  ▲ 20.1%" },
      { title: "ROAS", value: "3.42×  ▼ 10.0%" },
      { title: "CTR", value: "1.23%  —" },
    ]);
  });

  it("puts the images in chart order with their alt text", () => {
    const shown = card.body.filter((e): e is Image => e.type === "Image");
    expect(shown.map((i) => i.altText)).toEqual(["Chart 0", "Chart 1"]);
  });

  it("degrades a long, wide table to the top rows and columns and says what it left out", () => {
    const long = answerToAdaptiveCard(sampleAnswer({ rows: 25, charts: 0 }), { currency: "EUR", images: [] });
    expect(validateAdaptiveCard(long)).toEqual([]);
    const table = long.body.find((e): e is Table => e.type === "Table") as Table;
    expect(table.rows).toHaveLength(TEAMS_TABLE_MAX_ROWS + 1);
    expect(table.columns).toHaveLength(TEAMS_TABLE_MAX_COLUMNS);
    expect(cellText(table, 0, 0)).toBe("Campaign");
    expect(cellText(table, 0, 3)).toBe("ROAS");
    expect(cellText(table, 1, 1)).toBe("€100.00");
    expect(cellText(table, 1, 5)).toBe("—");
    expect(cellText(table, 10, 0)).toBe("Campaign 10");
    const after = long.body[long.body.indexOf(table) + 1] as TextBlock;
    expect(after.text).toBe("And 15 more rows; columns not shown: CPC, Leads");
  });

  it("renders only the first table, and no actions when the answer has none", () => {
    const plain = answerToAdaptiveCard(
      { ...sampleAnswer({ charts: 0 }), actions: [] },
      { currency: "USD", images: [] },
    );
    expect(plain.body.filter((e) => e.type === "Table")).toHaveLength(1);
    expect(plain.actions).toBeUndefined();
    expect(JSON.stringify(plain)).toContain("$1,200.50");
  });

  it("refuses a mismatch between charts and images", () => {
    expect(() =>
      answerToAdaptiveCard(sampleAnswer({ charts: 2 }), { currency: "EUR", images: images(1) }),
    ).toThrow(/2 charts but 1 images/);
  });

  it("is deterministic", () => {
    const again = answerToAdaptiveCard(sampleAnswer({ charts: 2 }), { currency: "EUR", images: images(2) });
    expect(JSON.stringify(again)).toBe(JSON.stringify(card));
  });
});
