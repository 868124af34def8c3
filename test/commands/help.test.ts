import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { FILTER_EXAMPLES } from "../../src/areas/filters/filter-types.js";
import { KPI_SERIES_KEYS } from "../../src/areas/kpi-series/kpi-sources.js";
import { AREA_NAMES, areaModule } from "../../src/areas/registry.js";
import { helpText, MAX_HELP_CHARS } from "../../src/commands/help.js";
import { type HelpTopic, parseCommand } from "../../src/commands/parse.js";
import { METRIC_KEYS } from "../../src/metrics/definitions.js";
import { DEFINED_MEASURES } from "../../src/metrics/measures.js";

const topics: (HelpTopic | undefined)[] = [undefined, "metrics", "alerts", "explain", "goals", ...AREA_NAMES];

describe("helpText", () => {
  it.each(topics.map((topic) => [topic ?? "(general)", topic]))("%s fits a chat message", (_, topic) => {
    const text = helpText(topic);
    expect(text.length).toBeGreaterThan(100);
    expect(text.length).toBeLessThan(MAX_HELP_CHARS);
  });

  it("lists every area, period form and the grammar", () => {
    const text = helpText();
    for (const area of AREA_NAMES) expect(text).toContain(`\`${area}\``);
    expect(text).toContain("(alias `funnel`)");
    expect(text).toContain("`2026-10-01..2026-10-31`");
    expect(text).toContain("`/kpi <area> [period] [vs previous|vs last-year] [key=value ...]`");
  });

  it.each(AREA_NAMES.map((area) => [area]))("help %s shows description, filters and examples", (area) => {
    const text = helpText(area);
    expect(text).toContain(areaModule(area).description);
    for (const key of areaModule(area).filters) expect(text).toContain(FILTER_EXAMPLES[key]);
    for (const example of areaModule(area).examples) expect(text).toContain(example);
  });

  it("help alerts gives the language, every KPI an alert can follow, and is what `help alerts` asks for", () => {
    expect(parseCommand("/kpi help alerts")).toEqual({ kind: "help", topic: "alerts" });
    const text = helpText("alerts");
    expect(text).toContain("`/kpi alert <kpi> <condition> [window] [at HH:MM] [tz=Zone] [filters]`");
    for (const key of KPI_SERIES_KEYS) expect(text).toContain(`\`${key}\``);
    expect(text).toContain("median ± 3 MAD");
    expect(text).toContain("`/kpi alert pause|resume|remove <id>`");
  });

  it("help explain states the rules, every KPI it splits and how to pick a dimension; help goals the pacing rule", () => {
    expect(parseCommand("help explain")).toEqual({ kind: "help", topic: "explain" });
    expect(parseCommand("help goals")).toEqual({ kind: "help", topic: "goals" });
    const explain = helpText("explain");
    for (const kpi of ["roas", "ctr", "cvr", "cpc", "cpa", "aov", "conversion_rate", "revenue", "spend"])
      expect(explain).toContain(`\`${kpi}\``);
    expect(explain).toContain("*rate effect*");
    expect(explain).toContain("*mix effect*");
    expect(explain).toContain("`by=<dimension>`");
    const goals = helpText("goals");
    expect(goals).toContain("`/kpi goal revenue 250000 month`");
    expect(goals).toContain("linear");
    expect(helpText()).toContain("`/kpi help explain`");
  });

  it("help metrics lists every metric", () => {
    const text = helpText("metrics");
    for (const key of METRIC_KEYS) expect(text).toContain(`\`${key}\``);
    for (const { key, definition } of DEFINED_MEASURES) {
      expect(text).toContain(`\`${key}\` `);
      expect(text).toContain(definition);
    }
    for (const key of [
      "low_stock",
      "out_of_stock",
      "at_or_below_reorder",
      "conversion_rate",
      "active_users",
    ]) {
      expect(text).toContain(`\`${key}\``);
    }
    expect(text).toContain("clicks ÷ impressions");
    expect(text).toMatch(
      /percentages \(`ctr`, `click_to_lead`, `cvr`, `roi`, `conversion_rate`\) in percentage points/,
    );
  });

  it("help metrics lists exactly the keys of the README's metric table", () => {
    const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
    const section = readme.split("### Metric definitions")[1]?.split("\n### ")[0] ?? "";
    // First cell of each table row: "cpc, cpm, cpl, cpa" or "conversion_rate (traffic)".
    const readmeKeys = section
      .split("\n")
      .filter((line) => line.startsWith("| ") && !line.startsWith("| key ") && !line.startsWith("|---"))
      .flatMap((line) => (line.split("|")[1] ?? "").split(","))
      .map((cell) => cell.replace(/\(.*\)/, "").trim());
    const helpKeys = [...helpText("metrics").matchAll(/^• `([a-z_]+)`/gm)].map((m) => m[1]);
    expect(readmeKeys.length).toBeGreaterThan(10);
    expect([...helpKeys].sort()).toEqual([...readmeKeys].sort());
  });

  it("every example in help parses to a query of its area", () => {
    for (const area of AREA_NAMES) {
      for (const example of areaModule(area).examples) {
        expect(parseCommand(example)).toMatchObject({ kind: "query", query: { area } });
      }
    }
  });
});
