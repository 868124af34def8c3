/**
 * Checking what a subscription asks for before it is stored, and reading it back: the areas
 * (names or aliases, comma separated), the period and the filters must make a valid query for
 * every area, checked exactly as a person's typed words are.
 */
import type { Filters, PeriodSpec } from "../answer/query.js";
import { AREA_NAMES, AREA_WORDS, type Area, findArea } from "../areas/registry.js";
import { didYouMean, listWords } from "../commands/messages.js";
import { parsePeriod, unknownPeriod } from "../commands/period-spec.js";
import { parseFilterWords } from "../commands/query-words.js";
import { suggest } from "../commands/suggest.js";
import { quoted, UserError } from "../errors.js";

const shown = (word: string): string => quoted(word, 30);

/** "campaigns,orders" or ["campaigns", "funnel"] → canonical area names, in order, without repeats. */
export function parseAreas(input: string | readonly string[]): Area[] {
  const words = (typeof input === "string" ? input.split(",") : input.flatMap((w) => w.split(",")))
    .map((w) => w.trim())
    .filter(Boolean);
  if (words.length === 0) {
    throw new UserError(
      "missing_areas",
      `Name at least one area, e.g. campaigns,orders. Areas: ${AREA_NAMES.join(", ")}.`,
    );
  }
  const areas: Area[] = [];
  for (const word of words) {
    const area = findArea(word);
    if (!area) {
      const hint =
        didYouMean(suggest(word.toLowerCase(), AREA_WORDS)) || ` — areas are ${listWords(AREA_NAMES)}`;
      const line = `Unknown area ${shown(word)}${hint}`;
      throw new UserError("unknown_area", line.endsWith("?") ? line : `${line}.`);
    }
    if (!areas.includes(area)) areas.push(area);
  }
  return areas;
}

/** The period as written (`yesterday`, `last-7d`, `2026-11`), checked. */
export function parsePeriodWord(word: string): PeriodSpec {
  const trimmed = word.trim();
  const spec = parsePeriod(trimmed);
  if (!spec) throw unknownPeriod(trimmed);
  return spec;
}

/** Filter words (`platform=meta city=Berlin`) every one of the areas must accept. */
export function parseSubscriptionFilters(areas: readonly Area[], text: string | null | undefined): Filters {
  const words = text?.trim() ?? "";
  let filters: Filters = {};
  for (const area of areas) filters = parseFilterWords(area, words);
  return filters;
}
