import { describe, expect, it } from "vitest";
import { USAGE } from "../../src/commands/messages.js";
import { parseCommand } from "../../src/commands/parse.js";
import { UserError } from "../../src/errors.js";

function errorOf(text: string): UserError {
  try {
    parseCommand(text);
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  throw new Error(`parsed without error: ${text}`);
}

const CONTROL = "The command contains an invisible or control character";

// [input, code, message before the usage line]
const CASES: [string, string, string][] = [
  ["", "empty_command", "Empty command — ask e.g. `/kpi campaigns last-30d`."],
  ["  \t ", "empty_command", "Empty command — ask e.g. `/kpi campaigns last-30d`."],
  ["/kpi", "empty_command", "Empty command — ask e.g. `/kpi campaigns last-30d`."],
  ["campaigns ".repeat(51), "command_too_long", "Command too long (more than 500 characters) — shorten it."],
  ["campaigns\u0007", "invalid_character", `${CONTROL} (U+0007) — retype it without that character.`],
  ["campaigns \u0000", "invalid_character", `${CONTROL} (U+0000) — retype it without that character.`],
  [
    "campaigns\u200B last-30d",
    "invalid_character",
    `${CONTROL} (U+200B) — retype it without that character.`,
  ],
  [
    "campaigns \u202Elast-30d",
    "invalid_character",
    `${CONTROL} (U+202E) — retype it without that character.`,
  ],
  ["campaigns \u2066x", "invalid_character", `${CONTROL} (U+2066) — retype it without that character.`],
  ["campaigns city=\uD800x", "invalid_character", `${CONTROL} (U+D800) — retype it without that character.`],
  ["campaigns \uDC00", "invalid_character", `${CONTROL} (U+DC00) — retype it without that character.`],
  ["\uFEFFcampaigns", "invalid_character", `${CONTROL} (U+FEFF) — retype it without that character.`],
  ["campaigns \u0085", "invalid_character", `${CONTROL} (U+0085) — retype it without that character.`],
  ["campaigns \u2028", "invalid_character", `${CONTROL} (U+2028) — retype it without that character.`],
  ["campains", "unknown_area", "Unknown area `campains` — did you mean `campaigns`?"],
  ["/kpi campains last-30d", "unknown_area", "Unknown area `campains` — did you mean `campaigns`?"],
  ["lowstock", "unknown_area", "Unknown area `lowstock` — did you mean `low-stock`?"],
  ["funel", "unknown_area", "Unknown area `funel` — did you mean `funnel`?"],
  [
    "xyzzy",
    "unknown_area",
    "Unknown area `xyzzy` — areas are users, products, orders, campaigns, ads, ad-performance, traffic, stock, roas, ctr.",
  ],
  ["last-30d", "missing_area", "Start with an area before `last-30d` — e.g. /kpi campaigns last-30d."],
  [
    "platform=meta",
    "missing_area",
    "Start with an area before `platform=meta` — e.g. /kpi campaigns last-30d.",
  ],
  ["campaigns last30d", "unknown_period", "Unknown period `last30d` — did you mean `last-30d`?"],
  ["campaigns Last30D", "unknown_period", "Unknown period `Last30D` — did you mean `last-30d`?"],
  ["campaigns lastmonth", "unknown_period", "Unknown period `lastmonth` — did you mean `last-month`?"],
  ["campaigns yesterdy", "unknown_period", "Unknown period `yesterdy` — did you mean `yesterday`?"],
  [
    "campaigns 2026/10",
    "unknown_period",
    "Unknown period `2026/10` — dates are YYYY-MM or YYYY-MM-DD..YYYY-MM-DD (e.g. 2026-10-01..2026-10-31).",
  ],
  [
    "campaigns 2026-10-05",
    "unknown_period",
    "Unknown period `2026-10-05` — did you mean `2026-10-05..2026-10-05`?",
  ],
  ["campaigns 2026-13", "invalid_date", "Invalid month `2026-13` — months are 01–12."],
  [
    "campaigns 2026-13-01..2026-13-05",
    "invalid_date",
    "Invalid date `2026-13-01` — dates are YYYY-MM-DD with a month 01–12.",
  ],
  [
    "campaigns 2026-02-30..2026-03-01",
    "invalid_date",
    "Invalid date `2026-02-30` — February 2026 has 28 days.",
  ],
  [
    "campaigns 2026-02-01..2026-02-29",
    "invalid_date",
    "Invalid date `2026-02-29` — February 2026 has 28 days.",
  ],
  [
    "campaigns 2100-02-29..2100-03-01",
    "invalid_date",
    "Invalid date `2100-02-29` — February 2100 has 28 days.",
  ],
  ["campaigns 2026-04-01..2026-04-31", "invalid_date", "Invalid date `2026-04-31` — April 2026 has 30 days."],
  [
    "campaigns 2026-10-31..2026-10-01",
    "reversed_range",
    "The range `2026-10-31..2026-10-01` ends before it starts — put the earlier date first.",
  ],
  [
    "campaigns 2023-01-01..2026-01-01",
    "range_too_long",
    "The range `2023-01-01..2026-01-01` is longer than 3 years — pick a shorter one.",
  ],
  ["campaigns mtd ytd", "duplicate_period", "Two periods given, `mtd` and `ytd` — use one."],
  ["campaigns vs", "unknown_comparison", "`vs` needs `previous` or `last-year` after it."],
  [
    "campaigns vs lastyear",
    "unknown_comparison",
    "Unknown comparison `lastyear` — did you mean `last-year`?",
  ],
  [
    "campaigns vs previous vs last-year",
    "duplicate_comparison",
    "Compare once: `vs previous` or `vs last-year`, not both.",
  ],
  [
    "campaigns last-year",
    "unknown_word",
    "Compare with `vs last-year` — a lone `last-year` is not a period.",
  ],
  ["campaigns plataform=meta", "unknown_filter", "Unknown filter `plataform` — did you mean `platform`?"],
  [
    "campaigns foo=bar",
    "unknown_filter",
    "Unknown filter `foo` — `campaigns` accepts `platform` or `campaign`.",
  ],
  ["campaigns =meta", "unknown_filter", 'Missing filter name before `=meta` — e.g. campaign="Black Friday".'],
  [
    "campaigns city=Berlin",
    "filter_not_allowed",
    "`campaigns` has no `city` filter — it accepts `platform` or `campaign`.",
  ],
  ["users platform=meta", "filter_not_allowed", "`users` has no `platform` filter — it accepts `city`."],
  ["campaigns platform=", "empty_filter", "Filter `platform` needs a value — e.g. platform=meta."],
  ['campaigns platform=" "', "empty_filter", "Filter `platform` needs a value — e.g. platform=meta."],
  ["campaigns platform=a Platform=b", "duplicate_filter", "Filter `platform` is given twice — use it once."],
  [
    'campaigns campaign="Black Friday',
    "unclosed_quote",
    'Unclosed quote in `campaign="Black…` — end the quoted value with a matching quote and a space.',
  ],
  [
    'campaigns "Black Friday"',
    "unknown_word",
    'Quoted text `Black…` needs a filter name — e.g. campaign="Black Friday".',
  ],
  [
    "campaigns orders",
    "unknown_word",
    "One area per command: `orders` is a second area — ask for it separately.",
  ],
  ["campaigns plataform", "unknown_word", "Unknown word `plataform` — did you mean `platform=…`?"],
  [
    "campaigns blah",
    "unknown_word",
    "Unknown word `blah` — expected a period (e.g. last-30d), vs previous|last-year or key=value.",
  ],
  [
    `campaigns ${"x".repeat(200)}`,
    "unknown_word",
    `Unknown word \`${"x".repeat(39)}…\` — expected a period (e.g. last-30d), vs previous|last-year or key=value.`,
  ],
  [
    "campaigns x;DROP TABLE users",
    "unknown_word",
    "Unknown word `x;DROP` — expected a period (e.g. last-30d), vs previous|last-year or key=value.",
  ],
  ["help campains", "unknown_help_topic", "Unknown help topic `campains` — did you mean `campaigns`?"],
  ["help metricz", "unknown_help_topic", "Unknown help topic `metricz` — did you mean `metrics`?"],
  ["help foo", "unknown_help_topic", "Unknown help topic `foo` — topics are an area, `metrics` or `alerts`."],
];

describe("parseCommand errors", () => {
  it.each(CASES)("%j → %s", (text, code, message) => {
    const error = errorOf(text);
    expect(error.code).toBe(code);
    expect(error.message).toBe(`${message} ${USAGE}`);
    expect(error.message).not.toMatch(/[\r\n]/u);
    expect(error.message.length).toBeLessThanOrEqual(300);
  });

  it("never repeats quoted SQL from the input", () => {
    const error = errorOf("campaigns 'x; DROP TABLE users; --'");
    expect(error.message).not.toMatch(/DROP TABLE/iu);
    expect(error.message).toContain("Quoted text `x;…`");
  });

  it("shows at most 40 characters of a long word", () => {
    const error = errorOf(`${"q".repeat(300)}`);
    expect(error.message).toContain(`\`${"q".repeat(39)}…\``);
    expect(error.message).not.toContain("q".repeat(40));
  });

  it("accepts ordinary non-ASCII letters and emoji in values", () => {
    expect(parseCommand('orders city="Zürich"')).toMatchObject({ query: { filters: { city: "Zürich" } } });
    expect(parseCommand('campaigns campaign="Sommer ☀️ 2026"')).toMatchObject({
      query: { filters: { campaign: "Sommer ☀️ 2026" } },
    });
  });

  it("accepts 500 characters and no more", () => {
    const value = "a".repeat(500 - "orders city=".length);
    expect(parseCommand(`orders city=${value}`)).toMatchObject({ query: { filters: { city: value } } });
    expect(errorOf(`orders city=${value}a`).code).toBe("command_too_long");
  });
});
