/**
 * An explanation (Answer.explanation) as the one sentence every surface leads with:
 * "ROAS fell from 4.10× to 3.40× (▼ 17.1%); 70% of the fall is Meta (platform), whose own ROAS
 * went from 5.20× to 2.60×, then TikTok (22%); overall 64% of it is the platforms' own ROAS
 * and 36% spend moving between them."
 */
import type { Explanation, ExplanationDriver } from "../answer/answer.js";
import { changeBetween } from "../metrics/change.js";
import { formatNumber, groupDigits } from "../metrics/format.js";
import { changeRuleOfKey, headingOf } from "../metrics/measures.js";
import { formatChange } from "../metrics/trend.js";

const percent = (part: number, whole: number) => `${groupDigits((part / whole) * 100, 0)}%`;

/** A label inside a sentence: acronyms stay (ROAS, CTR), words go lower case ("conversion rate"). */
const inSentence = (label: string) =>
  /^[A-Z]{2,}/u.test(label) ? label : label.charAt(0).toLowerCase() + label.slice(1);

function driverText(e: Explanation, d: ExplanationDriver, change: number, currency: string): string {
  const value = (v: number | null) => formatNumber(v, e.unit, { currency });
  const share = d.contribution / change;
  const word = change > 0 ? "rise" : "fall";
  const head =
    share > 1
      ? `${d.label} accounts for ${percent(d.contribution, change)} of the ${word} (others offset part of it)`
      : `${percent(d.contribution, change)} of the ${word} is ${d.label}`;
  if (e.kind === "additive") {
    const moved =
      d.previous === null
        ? "new in this period"
        : d.current === null
          ? "gone in this period"
          : `${value(d.previous)} → ${value(d.current)}`;
    return `${head} (${moved})`;
  }
  if (
    d.rate !== null &&
    d.mix !== null &&
    Math.abs(d.rate) >= Math.abs(d.mix) &&
    d.previous !== null &&
    d.current !== null
  ) {
    return `${head}, whose own ${inSentence(e.label)} went from ${value(d.previous)} to ${value(d.current)}`;
  }
  const weight = e.weight ?? "weight";
  if (d.previous === null) return `${head}, new in this period with its ${weight}`;
  if (d.current === null) return `${head}, gone with its ${weight}`;
  return `${head}, through ${weight} moving to or from it (mix)`;
}

/** "overall 64% is <rate> and 36% <mix>", or, when one pulled the other way, "overall <mix> accounts for 135% of it, offset by <rate> (−35%)". */
function effectsText(rate: number, mix: number, change: number, rateText: string, mixText: string): string {
  if (Math.sign(rate) !== -Math.sign(mix) || rate === 0 || mix === 0) {
    return `overall ${percent(rate, change)} is ${rateText} and ${percent(mix, change)} ${mixText}`;
  }
  const [big, small] =
    Math.abs(rate) >= Math.abs(mix)
      ? ([
          [rate, rateText],
          [mix, mixText],
        ] as const)
      : ([
          [mix, mixText],
          [rate, rateText],
        ] as const);
  return `overall ${big[1]} accounts for ${percent(big[0], change)} of it, offset by ${small[1]} (−${percent(small[0], change)})`;
}

/** The sentence an explain answer leads with. */
export function explanationSentence(e: Explanation, currency: string): string {
  const value = (v: number | null) => formatNumber(v, e.unit, { currency });
  if (e.previous === null || e.current === null || e.change === null) {
    return `${e.label} has no value in one of the two periods, so its change cannot be split.`;
  }
  const changeKind = changeBetween(changeRuleOfKey(e.kpi), e.current, e.previous);
  const size = changeKind
    ? formatChange(
        {
          key: e.kpi,
          label: e.label,
          value: e.current,
          previous: e.previous,
          change: changeKind,
          unit: e.unit,
        },
        currency,
      )
    : "";
  if (e.change === 0 || e.dimension === null) return `${e.label} did not change: ${value(e.current)}.`;
  const change = e.change;
  const parts = [
    `${e.label} ${change > 0 ? "rose" : "fell"} from ${value(e.previous)} to ${value(e.current)}${size ? ` (${size})` : ""}`,
  ];
  const along = e.drivers.filter((d) => Math.sign(d.contribution) === Math.sign(change));
  const [first, second] = along;
  const dimension = headingOf(e.dimension).toLowerCase();
  if (first) {
    const then = second ? `, then ${second.label} (${percent(second.contribution, change)})` : "";
    parts.push(`by ${dimension}, ${driverText(e, first, change, currency)}${then}`);
  }
  if (e.kind === "ratio" && e.rate !== null && e.mix !== null && e.weight) {
    parts.push(
      effectsText(
        e.rate,
        e.mix,
        change,
        `each ${dimension}'s own ${inSentence(e.label)}`,
        `${e.weight} moving between them`,
      ),
    );
  }
  return `${parts.join("; ")}.`;
}
