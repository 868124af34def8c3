/**
 * Help text for `/kpi help`, `/kpi help <area>` and `/kpi help metrics`: plain strings in
 * markdown-lite (*bold*, `code`, • bullets) that every renderer can show, each well under
 * the 3,000-character limit of a Slack section.
 */
import { FILTER_KEYS, PERIOD_WORDS } from "../answer/query.js";
import { EXPLAINABLE_KPIS, FAMILIES } from "../areas/explain-families.js";
import { FILTER_EXAMPLES } from "../areas/filters/filter-types.js";
import { KPI_SERIES_KEYS } from "../areas/kpi-series/kpi-sources.js";
import { AREA_NAMES, type Area, areaModule } from "../areas/registry.js";
import { DEFINED_MEASURES } from "../metrics/measures.js";
import { EXPLAIN_USAGE } from "./explain-words.js";
import type { HelpTopic } from "./parse.js";

/** Upper bound for any help text (Slack section text limit). */
export const MAX_HELP_CHARS = 3000;

const GRAMMAR = "`/kpi <area> [period] [vs previous|vs last-year] [key=value ...]`";

const PERIODS = [
  `*Periods* ${PERIOD_WORDS.map((word) => `\`${word}\``).join(", ")}, \`2026-11\`, \`2026-10-01..2026-10-31\` — default \`last-30d\`.`,
  "last-Nd are the N full days ending yesterday; mtd, qtd and ytd run through today.",
  "*Compare* `vs previous` (default): a month, quarter or year with the one before, mtd/qtd/ytd with as many days from the start of the previous month/quarter/year, other periods with the same number of days just before; or `vs last-year` (same dates a year earlier).",
];

function aliasText(area: Area): string {
  const { aliases } = areaModule(area);
  return aliases.length === 0 ? "" : ` (alias ${aliases.map((alias) => `\`${alias}\``).join(", ")})`;
}

function generalHelp(): string {
  return [
    "*kpi-bot* — marketing KPIs for the shop, right here.",
    GRAMMAR,
    "*Areas*",
    ...AREA_NAMES.map((area) => `• \`${area}\`${aliasText(area)} — ${areaModule(area).description}`),
    ...PERIODS,
    `*Filters* ${FILTER_KEYS.map((key) => `\`${FILTER_EXAMPLES[key]}\``).join("  ")} (which ones apply depends on the area)`,
    "*Rank* `top=5 by=roas` · `bottom=3 by=cpa` · *Just ask* `/kpi how did meta do last week vs last year?` (the answer shows how it was read, in these words)",
    "*Why?* `/kpi explain <kpi> [period] [vs …] [key=value ...] [by=<dimension>]` · *Goals* `/kpi goal <kpi> <amount> month`",
    "More: `/kpi help <area>` · `/kpi help metrics` · `/kpi help alerts` · `/kpi help explain` · `/kpi help goals`",
  ].join("\n");
}

function areaHelp(area: Area): string {
  const info = areaModule(area);
  return [
    `*${area}*${aliasText(area)} — ${info.description}`,
    `*Filters* ${info.filters.map((key) => `\`${FILTER_EXAMPLES[key]}\``).join("  ")} (case, accents and punctuation ignored; local city names and nicknames work; a value may select several, added up)`,
    ...PERIODS,
    "*Examples*",
    ...info.examples.map((example) => `• \`${example}\``),
  ].join("\n");
}

const POINT_KEYS = DEFINED_MEASURES.filter((m) => m.change === "points").map((m) => `\`${m.key}\``);

/** How changes read, from the metric table's rule per key (src/metrics/change.ts). */
const CHANGE_HELP = `*Change* against the comparison: percentages (${POINT_KEYS.join(", ")}) in percentage points (▲ 2.40 pp); everything else relative (▲ 12.3%), — on a base of zero and the amount (▲ €120.00) on a negative base.`;

/** `/kpi help alerts`: the alert language and what happens when an alert fires. */
function alertsHelp(): string {
  return [
    "*Alerts* — tell me when a KPI crosses a line, moves a lot or has an unusual day.",
    "`/kpi alert <kpi> <condition> [window] [at HH:MM] [tz=Zone] [filters]`",
    "*Conditions* `< 1`, `<=`, `>`, `>= 2.5%` (in the KPI's unit: `1`, `2.5%`, `€5,000`, `5k`) · `drops|rises 20% vs previous|previous-week|last-year` · `unusual` (outside the same weekday's normal range over the last 8 weeks: median ± 3 MAD)",
    "*Windows* `yesterday` (default, also `daily`), `today` (with `at HH:MM`, thresholds only), `last-7d`, `week` (last full Mon–Sun), `month` (last full month)",
    `*KPIs* ${KPI_SERIES_KEYS.map((k) => `\`${k}\``).join(", ")} — with the filters of their area (\`/kpi help <area>\`)`,
    "*Examples*",
    "• `/kpi alert roas < 1 platform=meta`",
    '• `/kpi alert ctr drops 20% vs previous-week campaign="Black Friday"`',
    "• `/kpi alert revenue today < 5000 at 14:00 tz=Europe/Berlin`",
    "• `/kpi alert orders unusual`",
    "*Manage* `/kpi alerts` lists this channel's alerts · `/kpi alert pause|resume|remove <id>`",
    "Checked daily (08:00 in its zone unless `at` says otherwise) and after each data refresh. One message when it fires (Snooze 24 h, Mute, Open as question), none while it stays, a daily reminder at most, one note in its thread when it is resolved. No value (no data, zero denominator) never fires; three windows without data are reported once.",
  ].join("\n");
}

function metricsHelp(): string {
  return [
    "*Metrics* — ratios are ratios of sums over the period (total spend ÷ total clicks); a zero denominator shows —.",
    ...DEFINED_MEASURES.map((metric) => `• \`${metric.key}\` *${metric.label}* — ${metric.definition}`),
    CHANGE_HELP,
  ].join("\n");
}

function explainHelp(): string {
  return [
    `*explain* — what moved a KPI: ${EXPLAIN_USAGE}`,
    `Splits the change between the period and its comparison by each dimension the area has (${FAMILIES.map((f) => `${f.areas[0]}: ${f.dimensions.join(", ")}`).join("; ")}) and leads with the dimension whose largest driver carries the largest share of the movement; \`by=<dimension>\` picks one.`,
    "*Sums* (spend, revenue, orders, sessions …): each member's own change; they add up to the total change.",
    "*Ratios* (ROAS, CTR, CVR, CPC, CPA, AOV, conversion rate …): shift-share — *rate effect* (the member's own ratio moved, weighted by its average share) and *mix effect* (weight moved to or from a member above or below the average ratio); rate + mix of all members add up exactly to the total change.",
    `*KPIs* ${EXPLAINABLE_KPIS.map((k) => `\`${k}\``).join(", ")}. Without an area, \`revenue\` and \`orders\` are the shop's (orders), the ads' with platform= or campaign=.`,
    "*Examples*",
    "• `/kpi explain roas last-30d vs previous platform=meta`",
    "• `/kpi explain revenue last-month vs last-year by=city`",
    "• `/kpi explain conversion_rate last-7d by=device`",
    "Every KPI of an answer that can be explained has an *Explain* button.",
  ].join("\n");
}

function goalsHelp(): string {
  return [
    "*goals* — targets and pacing: `/kpi goal <kpi> <amount> week|month|quarter [key=value ...]`",
    "• `/kpi goal revenue 250000 month` · `/kpi goal spend 40000 month platform=google`",
    "• `/kpi goals` lists this channel's goals; `/kpi goals remove <id>` removes one.",
    "Answers and digests with that KPI show progress and pace: the value so far in the current week/month/quarter (days in the report zone, through today), and the pace it ends at if the rest of the period runs like the days so far (linear: so far ÷ days elapsed × days in the period).",
  ].join("\n");
}

/** The help text for a topic, or the general help without one. */
export function helpText(topic?: HelpTopic): string {
  if (topic === undefined) return generalHelp();
  if (topic === "alerts") return alertsHelp();
  if (topic === "explain") return explainHelp();
  if (topic === "goals") return goalsHelp();
  return topic === "metrics" ? metricsHelp() : areaHelp(topic);
}
