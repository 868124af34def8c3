/**
 * The words after `/kpi subscribe`: areas first, then the schedule, with an optional period
 * word and filters anywhere after the areas:
 *
 *   campaigns,orders daily 09:00 Europe/Berlin
 *   orders weekly mon 08:30 last-30d city=Berlin
 *   funnel cron "0 9 * * 1-5" America/New_York
 *   campaigns daily 09:00 --quiet        (sent only when a KPI moved)
 */
import { parsePeriod } from "../commands/period-spec.js";
import { UserError } from "../errors.js";
import { parseSchedulePhrase, SCHEDULE_EXAMPLES } from "./schedule-phrase.js";
import type { NewSubscription } from "./subscription-store.js";
import type { Target } from "./target.js";

export const SUBSCRIBE_USAGE = `Usage: /kpi subscribe <areas> <schedule> [period] [filters] [--quiet] — schedules: ${SCHEDULE_EXAMPLES}`;

export function parseSubscribeArgs(
  args: readonly string[],
  context: { readonly target: Target; readonly userId: string; readonly defaultTimeZone: string },
): NewSubscription {
  const quiet = args.some((w) => w.toLowerCase() === "--quiet" || w.toLowerCase() === "quiet");
  const [areas, ...rest] = args.filter((w) => w.toLowerCase() !== "--quiet" && w.toLowerCase() !== "quiet");
  if (!areas || rest.length === 0) {
    throw new UserError(
      "subscribe_usage",
      `Tell me what and when, e.g. /kpi subscribe campaigns,orders daily 09:00 Europe/Berlin. ${SUBSCRIBE_USAGE}.`,
    );
  }
  const filters = rest.filter((w) => w.includes("=") && !w.includes(" "));
  const others = rest.filter((w) => !filters.includes(w));
  // A period word never starts a schedule phrase, and "cron" takes its own words.
  const period = others.slice(1).find((w, i) => others[i] !== "cron" && !w.includes(" ") && parsePeriod(w));
  const phrase = others.filter((w) => w !== period);
  const schedule = parseSchedulePhrase(phrase, context.defaultTimeZone);
  return {
    target: context.target,
    areas,
    schedule,
    period,
    filters: filters.length > 0 ? filters.join(" ") : undefined,
    createdBy: context.userId,
    ...(quiet ? { quiet } : {}),
  };
}
