/**
 * Checking what a subscription asks for before it is stored: the areas (names or aliases,
 * comma separated), the period and the filters must make a valid command for every area,
 * exactly as a person would type it (`campaigns yesterday platform=meta`).
 */
import { AREA_NAMES, AREA_WORDS, type Area, findArea } from "../commands/areas.js";
import { didYouMean, listWords } from "../commands/messages.js";
import { parseCommand } from "../commands/parse.js";
import { parsePeriod, unknownPeriod } from "../commands/period-spec.js";
import { suggest } from "../commands/suggest.js";
import { UserError } from "../errors.js";

const shown = (word: string): string => `\`${word.replace(/[`\p{C}]/gu, "").slice(0, 30)}\``;

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

/** The period word, lower-cased and checked (`yesterday`, `last-7d`, `2026-11`). */
export function parsePeriodWord(word: string): string {
  const trimmed = word.trim();
  if (!parsePeriod(trimmed)) throw unknownPeriod(trimmed);
  return trimmed.toLowerCase();
}

/** The command text a digest runs for one area: `campaigns yesterday platform=meta`. */
export function digestCommandText(area: string, period: string, filters: string | null): string {
  return [area, period, filters ?? ""].join(" ").trim();
}

/** Filters (`platform=meta city=Berlin`) normalised to single spaces; each area must accept them. */
export function checkFilters(
  areas: readonly Area[],
  period: string,
  filters: string | undefined,
): string | null {
  const text = filters?.trim().replace(/\s+/g, " ") ?? "";
  for (const area of areas) {
    const parsed = parseCommand(digestCommandText(area, period, text));
    if (parsed.kind !== "query") {
      throw new UserError("invalid_filters", `Filters ${shown(text)} do not make a ${area} query.`);
    }
  }
  return text === "" ? null : text;
}
