/**
 * A KPI's change split over the members of one dimension (platforms, campaigns, cities …),
 * pure arithmetic on the members' sums in the period and in its comparison.
 *
 * Additive KPIs (spend, revenue, orders, sessions …): a member's contribution is its own
 * change, V1ᵢ − V0ᵢ; the contributions sum to the total change V1 − V0.
 *
 * Ratio KPIs R = N ÷ D (ROAS = revenue ÷ spend, CTR = clicks ÷ impressions, AOV = revenue ÷
 * orders …): a symmetric shift-share. With wᵢ = Dᵢ ÷ D a member's weight, rᵢ = Nᵢ ÷ Dᵢ its own
 * ratio, w̄ᵢ and r̄ᵢ the averages of the two periods and R̄ = (R0 + R1) ÷ 2:
 *
 *   contributionᵢ = N1ᵢ/D1 − N0ᵢ/D0 − R̄ · (w1ᵢ − w0ᵢ)
 *   rate effectᵢ  = w̄ᵢ · (r1ᵢ − r0ᵢ)        (0 when the member has no denominator in a period)
 *   mix effectᵢ   = contributionᵢ − rate effectᵢ  (= (w1ᵢ − w0ᵢ) · (r̄ᵢ − R̄) when both periods have it)
 *
 * Σ N1ᵢ/D1 − N0ᵢ/D0 = R1 − R0 and Σ (w1ᵢ − w0ᵢ) = 0, so the contributions sum to R1 − R0
 * exactly; the rate effect says how much the member's own ratio moved the total, the mix
 * effect how much weight moving to (or from) a member above the average ratio did. A member
 * that appears or disappears has all of its contribution as mix. A KPI with no value in either
 * period (a zero total denominator) has no change to split.
 */
import { finite } from "../metrics/ratio.js";

/** A member's sums in one period: `value` for additive KPIs, numerator and denominator for ratios. */
export interface MemberSums {
  readonly numerator: number;
  readonly denominator: number;
}

export interface MemberInput {
  readonly key: string;
  readonly label: string;
  /** Absent when the member has no rows in that period. */
  readonly current?: MemberSums;
  readonly previous?: MemberSums;
}

export interface Contribution {
  readonly key: string;
  readonly label: string;
  /** The member's own KPI value in each period (its sum, or its own ratio); null where it has none. */
  readonly current: number | null;
  readonly previous: number | null;
  /** Its part of the KPI's total change, in the KPI's unit (sums over members to the total change). */
  readonly contribution: number;
  /** Ratio KPIs only: the part due to its own ratio moving, and to weight moving to or from it. */
  readonly rate: number | null;
  readonly mix: number | null;
}

export interface Decomposition {
  readonly kind: "additive" | "ratio";
  readonly current: number;
  readonly previous: number;
  readonly change: number;
  /** Every member, largest absolute contribution first (then by label). */
  readonly members: readonly Contribution[];
}

const ZERO: MemberSums = { numerator: 0, denominator: 0 };

const total = (members: readonly MemberInput[], side: "current" | "previous"): MemberSums =>
  members.reduce(
    (sum, m) => ({
      numerator: sum.numerator + (m[side]?.numerator ?? 0),
      denominator: sum.denominator + (m[side]?.denominator ?? 0),
    }),
    ZERO,
  );

const byAbsoluteContribution = (a: Contribution, b: Contribution): number =>
  Math.abs(b.contribution) - Math.abs(a.contribution) || a.label.localeCompare(b.label);

/** Additive KPI: each member's own change (its `numerator`; denominators are ignored). */
export function decomposeAdditive(members: readonly MemberInput[]): Decomposition {
  const rows = members.map((m): Contribution => {
    const current = m.current?.numerator ?? 0;
    const previous = m.previous?.numerator ?? 0;
    return {
      key: m.key,
      label: m.label,
      current: m.current ? current : null,
      previous: m.previous ? previous : null,
      contribution: current - previous,
      rate: null,
      mix: null,
    };
  });
  const now = total(members, "current").numerator;
  const before = total(members, "previous").numerator;
  return {
    kind: "additive",
    current: now,
    previous: before,
    change: now - before,
    members: rows.sort(byAbsoluteContribution),
  };
}

const own = (sums: MemberSums | undefined): number | null =>
  sums && sums.denominator !== 0 ? sums.numerator / sums.denominator : null;

/**
 * Ratio KPI `scale · N ÷ D` (scale 1000 for CPM); null when the total denominator is zero in
 * either period (the KPI has no value there, so there is no change to split).
 */
export function decomposeRatio(members: readonly MemberInput[], scale = 1): Decomposition | null {
  const [t1, t0] = [total(members, "current"), total(members, "previous")];
  if (t1.denominator === 0 || t0.denominator === 0) return null;
  const [R1, R0] = [t1.numerator / t1.denominator, t0.numerator / t0.denominator];
  if (!finite(R1) || !finite(R0)) return null;
  const average = (R0 + R1) / 2;
  const rows = members.map((m): Contribution => {
    const [c, p] = [m.current ?? ZERO, m.previous ?? ZERO];
    const [w1, w0] = [c.denominator / t1.denominator, p.denominator / t0.denominator];
    const contribution = c.numerator / t1.denominator - p.numerator / t0.denominator - average * (w1 - w0);
    const [r1, r0] = [own(m.current), own(m.previous)];
    const rate = r1 !== null && r0 !== null ? ((w0 + w1) / 2) * (r1 - r0) : 0;
    return {
      key: m.key,
      label: m.label,
      current: r1 === null ? null : r1 * scale,
      previous: r0 === null ? null : r0 * scale,
      contribution: contribution * scale,
      rate: rate * scale,
      mix: (contribution - rate) * scale,
    };
  });
  return {
    kind: "ratio",
    current: R1 * scale,
    previous: R0 * scale,
    change: (R1 - R0) * scale,
    members: rows.sort(byAbsoluteContribution),
  };
}
