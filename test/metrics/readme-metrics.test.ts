/**
 * The README's metric table is the metric table of the code: the same keys in the same
 * order, the same definitions, and the same rule for how each key's change reads.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DEFINED_MEASURES } from "../../src/metrics/measures.js";

const README = readFileSync(new URL("../../README.md", import.meta.url), "utf8");

const CHANGE_WORDS = { relative: "relative", points: "percentage points" } as const;

/** The rows of the first table after the "Metric definitions" heading, as cells. */
function metricTableRows(): string[][] {
  const section = README.slice(README.indexOf("### Metric definitions"));
  const lines = section.split("\n");
  const first = lines.findIndex((line) => line.startsWith("| key |"));
  const rows: string[][] = [];
  for (const line of lines.slice(first)) {
    if (!line.startsWith("|")) break;
    rows.push(
      line
        .slice(1, -1)
        .split(" | ")
        .map((cell) => cell.trim()),
    );
  }
  return rows;
}

describe("the README's metric table", () => {
  const [header, , ...rows] = metricTableRows();

  it("has a key, a definition and a change column", () => {
    expect(header).toEqual(["key", "definition", "change"]);
  });

  it("lists every defined key of the code, in its order, with its definition and change rule", () => {
    expect(rows).toEqual(DEFINED_MEASURES.map((m) => [m.key, m.definition, CHANGE_WORDS[m.change]]));
  });

  it("defines the stock figures apart: low but not out, out, and the two together", () => {
    const keys = rows.map((row) => row[0]);
    expect(keys).toEqual(expect.arrayContaining(["low_stock", "out_of_stock", "at_or_below_reorder"]));
    expect(rows.find((row) => row[0] === "roi")?.[2]).toBe("percentage points");
  });
});
