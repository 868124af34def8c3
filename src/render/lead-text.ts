/**
 * What an answer says before its KPIs, the same on every surface: an explanation's sentence
 * (src/render/explanation-text.ts) and one line per goal of its KPIs:
 * "Goal · Revenue this month: €182,000.00 of €250,000.00 (73%), 5 days left — on pace for
 * €221,000.00, 88% of the goal."
 */
import type { Answer, GoalProgress, Reading } from "../answer/answer.js";
import { formatNumber, groupDigits } from "../metrics/format.js";
import { explanationSentence } from "./explanation-text.js";

const pct = (x: number) => `${groupDigits(x * 100, 0)}%`;

export function goalLine(goal: GoalProgress, currency: string): string {
  const value = (v: number) => formatNumber(v, goal.unit, { currency });
  const scope = goal.filters ? ` (${goal.filters})` : "";
  const head = `Goal · ${goal.label}${scope} this ${goal.cadence}: ${value(goal.actual)} of ${value(goal.target)} (${pct(goal.progress)})`;
  const left = Math.max(0, goal.daysTotal - goal.daysElapsed);
  const wholeLeft = Math.floor(left + 1e-9);
  const leftText =
    left <= 0
      ? "period over"
      : wholeLeft === 0
        ? "last day"
        : `${wholeLeft} ${wholeLeft === 1 ? "day" : "days"} left`;
  if (goal.projected === null) return `${head}, ${leftText} — too early to pace.`;
  const verdict = goal.projected >= goal.target ? "on pace" : "behind pace";
  return `${head}, ${leftText} — ${verdict}: heading for ${value(goal.projected)}, ${pct(goal.projected / goal.target)} of the goal.`;
}

/**
 * How a plain question was read, first: "Read as Campaigns · last 7 days vs same dates last
 * year · platform Meta — ask `campaigns last-7d vs last-year platform=meta`", so the exact
 * grammar is learned from the answers. Guesses follow in brackets.
 */
export function readingLine(reading: Reading): string {
  const guessed = reading.guesses.length > 0 ? ` (${reading.guesses.join("; ")})` : "";
  return `Read as ${reading.heard} — ask \`${reading.echo}\`${guessed}`;
}

/** The lines an answer leads with (none for most answers). */
export function leadLines(
  answer: Pick<Answer, "explanation" | "goals" | "reading">,
  currency: string,
): string[] {
  return [
    ...(answer.reading ? [readingLine(answer.reading)] : []),
    ...(answer.explanation ? [explanationSentence(answer.explanation, currency)] : []),
    ...(answer.goals ?? []).map((g) => goalLine(g, currency)),
  ];
}
