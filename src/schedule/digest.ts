/**
 * One digest: the answers a subscription's areas give at its slot, as a person asking
 * `/kpi <area> <period> [filters]` at that instant in the subscription's zone would get
 * them. The queries are built from the subscription's fields directly; rendering (Block Kit,
 * Adaptive Card) is the platform sender's job.
 */
import type { Answer } from "../answer/answer.js";
import type { Query } from "../answer/query.js";
import type { Area } from "../areas/registry.js";
import { formatDateRange } from "../calendar/date-format.js";
import type { Engine } from "../engine/engine.js";
import { DataSourceUnavailableError, isUserError } from "../errors.js";
import { findMovers, type Mover } from "./movers.js";
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
  /** What moved (at most three), each with its explanation: the digest leads with them. */
  readonly movers: readonly Mover[];
}

const HEADINGS = {
  daily: "Daily digest",
  weekly: "Weekly digest",
  monthly: "Monthly digest",
  cron: "Digest",
};

/** The query one area of the subscription asks. */
export function digestQuery(subscription: Subscription, area: Area): Query<Area> {
  return { area, period: subscription.period, comparison: "previous", filters: subscription.filters };
}

/** The title line: the period the answers cover (or, with none, the slot's day), in the subscription's zone. */
function digestTitle(subscription: Subscription, slot: Date, answers: readonly Answer[]): string {
  const timeZone = subscription.schedule.timeZone;
  const period = answers[0]?.period;
  if (!period) return `${shortDay(localDayNumber(slot.getTime(), timeZone))} · ${timeZone}`;
  if (period.from === period.to) {
    return `${shortDay(Math.floor(Date.parse(`${period.from}T00:00:00Z`) / DAY_MS))} · ${timeZone}`;
  }
  return `${formatDateRange(period.from, period.to)} · ${timeZone}`;
}

export interface DigestOptions {
  /** The access policy for the target: an area it may not see is left out with a problem line. */
  readonly refusal?: (area: string) => string | undefined | Promise<string | undefined>;
  /** DIGEST_MOVER_THRESHOLD (relative change); only unusual KPIs are movers without it. */
  readonly moverThreshold?: number;
  /** Adds the progress of goals to an answer, as of the slot (src/goals). */
  readonly goals?: (
    answer: Answer,
    asOf: { readonly now: Date; readonly timeZone: string },
  ) => Promise<Answer>;
}

/** What a digest needs of the engine. */
export type DigestEngine = Pick<Engine, "answer" | "history">;

/**
 * Answers each area at the slot. A person-facing refusal (no data, unknown filter value)
 * becomes a problem line; an unavailable data source or anything unexpected is thrown, so the
 * delivery attempt fails and is retried.
 */
export async function buildDigest(
  subscription: Subscription,
  slot: Date,
  engine: DigestEngine,
  options: DigestOptions = {},
): Promise<Digest> {
  const { refusal } = options;
  const asOf = { now: slot, timeZone: subscription.schedule.timeZone };
  const answers: Answer[] = [];
  const problems: DigestProblem[] = [];
  for (const area of subscription.areas) {
    const refused = await refusal?.(area);
    if (refused) {
      problems.push({ area, message: refused });
      continue;
    }
    try {
      const answer = await engine.answer(digestQuery(subscription, area), asOf);
      answers.push(options.goals ? await options.goals(answer, asOf) : answer);
    } catch (error) {
      if (!isUserError(error) || error instanceof DataSourceUnavailableError) throw error;
      problems.push({ area, message: error.message });
    }
  }
  const movers = await findMovers(answers, engine, asOf, options.moverThreshold);
  return {
    subscription,
    slot,
    movers,
    heading: `${HEADINGS[subscription.schedule.kind]} · ${subscription.areas.join(", ")}`,
    title: digestTitle(subscription, slot, answers),
    answers,
    problems,
  };
}
