/**
 * The words after `/kpi alert` (and `kpi alerts add`): a KPI, its condition, then in any order
 * a window, `at HH:MM`, `tz=<IANA zone>` and the filters the KPI's area accepts.
 *
 *   roas < 1 platform=meta                 ctr drops 20% vs previous-week campaign="Black Friday"
 *   revenue today < 5000 at 14:00 tz=Europe/Berlin           orders unusual         spend > 1200 daily
 *
 * Values are in the KPI's unit: `1` (ROAS, a multiple), `2.5%` (a percentage), `€5,000` or
 * `5k` (money). Every mistake is one line naming the nearest valid word and an example.
 */
import type { Filters } from "../answer/query.js";
import { findKpiSeries, KPI_SERIES_KEYS, NOT_FOLLOWABLE } from "../areas/kpi-series/kpi-sources.js";
import { echo, listWords } from "../commands/messages.js";
import { checkFilters } from "../commands/query-words.js";
import { suggest } from "../commands/suggest.js";
import { guardCommandText } from "../commands/text-guard.js";
import { tokenize } from "../commands/tokenize.js";
import { UserError } from "../errors.js";
import { unitOf } from "../metrics/measures.js";
import {
  ALERT_WINDOWS,
  type AlertCondition,
  type AlertSpec,
  type AlertWindow,
  CHANGE_BASES,
  type ChangeBase,
  type ThresholdOp,
} from "./alert-spec.js";
import { canonicalTimeZone } from "./zone-time.js";

export const ALERT_USAGE =
  "Usage: /kpi alert <kpi> <condition> [yesterday|today|last-7d|week|month] [at HH:MM] [tz=Zone] [filters] — try /kpi help alerts";

export function alertError(code: string, message: string): UserError {
  const line = message.replace(/\s+/gu, " ").trim();
  return new UserError(code, `${/[.?!]$/u.test(line) ? line : `${line}.`} ${ALERT_USAGE}`);
}

/** A value people would type for a KPI of this unit, for examples in errors. */
export function exampleValue(unit: string): string {
  if (unit === "percent") return "1.5%";
  if (unit === "money") return "5000";
  if (unit === "count") return "100";
  return "1";
}

const OPS: Readonly<Record<string, ThresholdOp>> = {
  "<": "<",
  "<=": "<=",
  ">": ">",
  ">=": ">=",
  "≤": "<=",
  "≥": ">=",
};
const OP_PATTERN = /^(<=|>=|<|>|≤|≥)(.*)$/u;
const WINDOW_WORDS: ReadonlyMap<string, AlertWindow> = new Map([
  ...ALERT_WINDOWS.map((w) => [w, w] as const),
  ["daily", "yesterday"],
  ["weekly", "week"],
  ["monthly", "month"],
]);

/** A number as typed in the KPI's unit: `1`, `2.5%` (→ 0.025), `€5,000`, `5k`, `1.5x`; undefined when it is none. */
export function parseAlertValue(
  text: string,
  unit: string,
): number | undefined | "percent_needed" | "no_percent" {
  let body = text.trim().replace(/^[€$£]|^(eur|usd|gbp)\s?/iu, "");
  const percent = body.endsWith("%");
  if (percent) body = body.slice(0, -1);
  if (unit === "multiple") body = body.replace(/[x×]$/iu, "");
  let scale = 1;
  const suffix = /^(.*\d)([km])$/iu.exec(body);
  if (suffix && (unit === "money" || unit === "count")) {
    body = suffix[1] as string;
    scale = suffix[2]?.toLowerCase() === "k" ? 1_000 : 1_000_000;
  }
  if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/u.test(body)) body = body.replaceAll(",", "");
  if (!/^-?(\d+(\.\d*)?|\.\d+)$/u.test(body)) return undefined;
  const value = Number(body) * scale;
  if (!Number.isFinite(value)) return undefined;
  if (unit === "percent") return percent ? value / 100 : "percent_needed";
  return percent ? "no_percent" : value;
}

function thresholdValue(kpi: string, op: string, text: string | undefined, unit: string): number {
  const example = `\`${kpi} ${op} ${exampleValue(unit)}\``;
  if (text === undefined || text === "")
    throw alertError("alert_value", `${echo(op)} needs a value after it; try ${example}`);
  const value = parseAlertValue(text, unit);
  if (value === "percent_needed")
    throw alertError(
      "alert_value",
      `${echo(kpi)} is a percentage: write ${echo(text)} with %; try ${example}`,
    );
  if (value === "no_percent")
    throw alertError("alert_value", `${echo(kpi)} is not a percentage; try ${example}`);
  if (value === undefined) throw alertError("alert_value", `${echo(text)} is not a number; try ${example}`);
  return value;
}

function changeCondition(kpi: string, words: string[], direction: "drops" | "rises"): AlertCondition {
  const amount = words.shift();
  const example = `\`${kpi} ${direction} 20% vs previous\``;
  const match = amount === undefined ? null : /^(\d+(\.\d+)?)%?$/u.exec(amount);
  const percent = match ? Number(match[1]) : Number.NaN;
  if (!(percent > 0 && percent < 100_000)) {
    const shown =
      amount === undefined ? `${echo(direction)} needs a percentage` : `${echo(amount)} is not a percentage`;
    throw alertError("alert_change", `${shown}; try ${example}`);
  }
  let versus: ChangeBase = "previous";
  if (words[0]?.toLowerCase() === "vs") {
    words.shift();
    const word = (words.shift() ?? "").toLowerCase();
    const base = CHANGE_BASES.find((b) => b === word);
    if (!base) {
      const hint = suggest(word, CHANGE_BASES);
      throw alertError(
        "alert_change",
        `${word === "" ? "`vs` needs a comparison" : `Unknown comparison ${echo(word)}`}${hint.length ? ` — did you mean ${listWords(hint.map((h) => `vs ${h}`))}?` : ""} — use ${listWords(CHANGE_BASES.map((b) => `vs ${b}`))}`,
      );
    }
    versus = base;
  }
  return { kind: "change", direction, fraction: percent / 100, versus };
}

function readCondition(kpi: string, words: string[], unit: string): AlertCondition {
  const first = words.shift();
  const example = `\`${kpi} < ${exampleValue(unit)}\`, \`${kpi} drops 20% vs previous\` or \`${kpi} unusual\``;
  if (first === undefined)
    throw alertError("alert_condition", `Say when to alert about ${echo(kpi)}, e.g. ${example}`);
  const lower = first.toLowerCase();
  const op = OP_PATTERN.exec(first);
  if (op) {
    const symbol = OPS[op[1] as string] as ThresholdOp;
    const rest = op[2] === "" ? words.shift() : (op[2] as string).replace(/^=/u, "");
    return { kind: "threshold", op: symbol, value: thresholdValue(kpi, symbol, rest, unit) };
  }
  if (lower === "drops" || lower === "rises") return changeCondition(kpi, words, lower);
  if (lower === "unusual") return { kind: "unusual" };
  const hint = suggest(lower, ["drops", "rises", "unusual"]);
  throw alertError(
    "alert_condition",
    `Unknown condition ${echo(first)}${hint.length ? ` — did you mean ${listWords(hint)}?` : ""} — e.g. ${example}`,
  );
}

function readKpi(word: string | undefined): string {
  if (word === undefined || word === "")
    throw alertError("alert_kpi", "Which KPI? e.g. /kpi alert roas < 1 platform=meta");
  const key = word.toLowerCase();
  if (findKpiSeries(key)) return key;
  const instead = NOT_FOLLOWABLE[key];
  if (instead) throw alertError("alert_kpi", `${echo(key)} cannot be followed day by day; use ${instead}`);
  const hint = suggest(key, KPI_SERIES_KEYS);
  throw alertError(
    "alert_kpi",
    `Unknown KPI ${echo(word)}${hint.length ? ` — did you mean ${listWords(hint)}?` : ` — KPIs are ${KPI_SERIES_KEYS.join(", ")}`}`,
  );
}

function checkCombination(
  kpi: string,
  condition: AlertCondition,
  window: AlertWindow,
  at: string | undefined,
): void {
  if (window === "today" && condition.kind !== "threshold")
    throw alertError(
      "alert_window",
      `\`today\` is not over yet, so it takes only a threshold (\`${kpi} today < …\`); use yesterday, last-7d, week or month for ${condition.kind === "unusual" ? "`unusual`" : "a change"}`,
    );
  if (window === "today" && at === undefined)
    throw alertError(
      "alert_window",
      `Say when to check today's ${echo(kpi)}, e.g. \`${kpi} today < … at 14:00\``,
    );
  if (condition.kind === "change" && condition.versus === "previous-week" && window === "month")
    throw alertError(
      "alert_change",
      "A month is compared `vs previous` or `vs last-year`, not `vs previous-week`",
    );
}

/** Parses alert text as typed (`roas < 1 campaign="Black Friday"`, the CLI's and the store's). */
export function parseAlertText(text: string): AlertSpec {
  return parseAlertWords(tokenize(guardCommandText(text)).map((token) => token.text));
}

/** Parses the words after `alert`; throws one-line UserErrors only. */
export function parseAlertWords(args: readonly string[]): AlertSpec {
  const words = args.flatMap((w) => (w.includes("=") || !/\s/u.test(w) ? [w] : w.split(/\s+/u)));
  // `roas<1`: the KPI and its operator written together.
  const joined = /^([a-z_]+)(<=|>=|<|>|≤|≥)(.*)$/iu.exec(words[0] ?? "");
  if (joined) words.splice(0, 1, joined[1] as string, `${joined[2]}${joined[3]}`);
  const kpi = readKpi(words.shift());
  const series = findKpiSeries(kpi);
  const unit = unitOf(kpi);
  // A window may come before the condition: `revenue today < 5000 at 14:00`.
  let window: AlertWindow | undefined = WINDOW_WORDS.get(words[0]?.toLowerCase() ?? "");
  if (window) words.shift();
  const condition = readCondition(kpi, words, unit);
  let at: string | undefined;
  let timeZone: string | undefined;
  const filters: Record<string, string> = {};
  while (words.length > 0) {
    const word = words.shift() as string;
    const lower = word.toLowerCase();
    const eq = word.indexOf("=");
    const named = WINDOW_WORDS.get(lower);
    if (named) {
      if (window)
        throw alertError("alert_window", `Two windows given, ${echo(window)} and ${echo(lower)} — use one`);
      window = named;
    } else if (lower === "at") {
      const time = words.shift() ?? "";
      const match = /^([01]?\d|2[0-3]):([0-5]\d)$/u.exec(time);
      if (!match) throw alertError("alert_at", `${echo(time || "at")} is not a time; try \`at 14:00\``);
      at = `${(match[1] as string).padStart(2, "0")}:${match[2]}`;
    } else if (eq > 0 && ["tz", "zone"].includes(lower.slice(0, eq))) {
      try {
        timeZone = canonicalTimeZone(word.slice(eq + 1));
      } catch (error) {
        throw alertError("invalid_time_zone", (error as Error).message);
      }
    } else if (eq > 0) {
      const key = lower.slice(0, eq);
      if (filters[key] !== undefined)
        throw alertError("duplicate_filter", `Filter ${echo(key)} is given twice — use it once`);
      filters[key] = word.slice(eq + 1);
    } else {
      const hint = suggest(lower, [...WINDOW_WORDS.keys(), "at"]);
      throw alertError(
        "alert_word",
        `Unknown word ${echo(word)}${hint.length ? ` — did you mean ${listWords(hint)}?` : ` — expected a window (${ALERT_WINDOWS.join(", ")}), at HH:MM, tz=Zone or key=value`}`,
      );
    }
  }
  const chosen = window ?? "yesterday";
  checkCombination(kpi, condition, chosen, at);
  const checked: Filters = checkFilters(series?.area ?? "campaigns", filters);
  return { kpi, condition, window: chosen, at, timeZone, filters: checked };
}
