/**
 * One digest: the answers a subscription's areas give at its slot, as a person asking
 * `/kpi <area> <period> [filters]` at that instant in the subscription's zone would get
 * them. Rendering (Block Kit, Adaptive Card) is the platform sender's job.
 */
import type { Answer } from "../answer/answer.js";
import type { ReportingSource } from "../areas/reporting-source.js";
import { resolvePeriodWithNotes } from "../commands/period.js";
import { formatDateRange } from "../commands/period-format.js";
import { runCommand } from "../commands/run-command.js";
import { DataSourceUnavailableError, isUserError } from "../errors.js";
import { digestCommandText } from "./subscription-input.js";
import type { Subscription } from "./subscription-store.js";
import { DAY_MS, localDayNumber, shortDay } from "./zone-time.js";

/** An area the digest could not answer, with the one-line reason shown in its place. */
export interface DigestProblem {
  readonly area: string;
  readonly message: string;
}

export interface Digest {
  readonly subscription: Subscription;
  /** The scheduled instant this digest is for. */
  readonly slot: Date;
  /** "Daily digest · campaigns, orders". */
  readonly heading: string;
  /** The period and zone: "Tue Nov 24 · Europe/Berlin", "Nov 18 – Nov 24, 2026 · Europe/Berlin". */
  readonly title: string;
  /** One answer per area, in the subscription's order (areas with a problem are left out). */
  readonly answers: readonly Answer[];
  readonly problems: readonly DigestProblem[];
}

const HEADINGS = {
  daily: "Daily digest",
  weekly: "Weekly digest",
  monthly: "Monthly digest",
  cron: "Digest",
};

/** The title line: the period the digest covers, in the subscription's zone. */
export function digestTitle(subscription: Subscription, slot: Date): string {
  const timeZone = subscription.schedule.timeZone;
  try {
    const { period } = resolvePeriodWithNotes(subscription.period, { now: slot, timeZone });
    if (period.from === period.to) {
      return `${shortDay(Math.floor(Date.parse(`${period.from}T00:00:00Z`) / DAY_MS))} · ${timeZone}`;
    }
    return `${formatDateRange(period.from, period.to)} · ${timeZone}`;
  } catch {
    return `${shortDay(localDayNumber(slot.getTime(), timeZone))} · ${timeZone}`;
  }
}

/**
 * Runs each area's command at the slot. A person-facing refusal (no data, unknown filter
 * value) becomes a problem line; an unavailable data source or anything unexpected is
 * thrown, so the delivery attempt fails and is retried.
 */
export async function buildDigest(
  subscription: Subscription,
  slot: Date,
  source: ReportingSource,
  /** The access policy for the target: an area it may not see is left out with a problem line. */
  refusal?: (area: string) => string | undefined,
): Promise<Digest> {
  const deps = { source, now: () => slot, timeZone: subscription.schedule.timeZone };
  const answers: Answer[] = [];
  const problems: DigestProblem[] = [];
  for (const area of subscription.areas) {
    const text = digestCommandText(area, subscription.period, subscription.filters);
    const refused = refusal?.(area);
    if (refused) {
      problems.push({ area, message: refused });
      continue;
    }
    try {
      const outcome = await runCommand(text, deps);
      if (outcome.kind === "answer") answers.push(outcome.answer);
      else problems.push({ area, message: `\`${text}\` is not a query.` });
    } catch (error) {
      if (!isUserError(error) || error instanceof DataSourceUnavailableError) throw error;
      problems.push({ area, message: error.message });
    }
  }
  return {
    subscription,
    slot,
    heading: `${HEADINGS[subscription.schedule.kind]} · ${subscription.areas.join(", ")}`,
    title: digestTitle(subscription, slot),
    answers,
    problems,
  };
}
