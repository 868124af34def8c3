/**
 * A KPI's change split by every dimension of its family, and the rule that picks the
 * dimension that explains most: the one whose largest single contribution carries the
 * largest share of the dimension's total absolute contribution (Σ|cᵢ|). Dimensions with
 * fewer than two members say nothing and are skipped; ties go to the family's order
 * (platform before campaign before format; city, payment method, source; source, device).
 */

import type { Dimension, KpiSpec } from "../areas/explain-families.js";
import { type Decomposition, decomposeAdditive, decomposeRatio, type MemberInput } from "./decompose.js";
import type { MemberRow, MembersByDimension } from "./member-queries.js";

export interface DimensionSplit {
  readonly dimension: Dimension;
  readonly decomposition: Decomposition;
  /** max|cᵢ| ÷ Σ|cᵢ| (0 when nothing moved). */
  readonly concentration: number;
}

const empty = (s: { numerator: number; denominator: number } | undefined) =>
  !s || (s.numerator === 0 && s.denominator === 0);

/**
 * The members of both periods, matched by key (a member may be in one period only); a member
 * with nothing of the KPI in either period (a city with only unpaid orders) is left out.
 */
export function memberInputs(
  spec: KpiSpec,
  current: readonly MemberRow[],
  previous: readonly MemberRow[],
): MemberInput[] {
  const sums = (row: MemberRow) =>
    spec.kind === "additive"
      ? { numerator: spec.sum(row.sums), denominator: 0 }
      : { numerator: spec.numerator(row.sums), denominator: spec.denominator(row.sums) };
  const byKey = new Map<string, { key: string; label: string; current?: MemberRow; previous?: MemberRow }>();
  for (const row of previous) byKey.set(row.key, { key: row.key, label: row.label, previous: row });
  for (const row of current)
    byKey.set(row.key, { ...byKey.get(row.key), key: row.key, label: row.label, current: row });
  return [...byKey.values()].flatMap((m) => {
    const [current, previous] = [m.current && sums(m.current), m.previous && sums(m.previous)];
    if (empty(current) && empty(previous)) return [];
    return [
      { key: m.key, label: m.label, ...(current ? { current } : {}), ...(previous ? { previous } : {}) },
    ];
  });
}

/** The change split over one dimension's members; null when a ratio has no value in a period. */
export function splitBy(spec: KpiSpec, members: readonly MemberInput[]): Decomposition | null {
  return spec.kind === "additive" ? decomposeAdditive(members) : decomposeRatio(members, spec.scale ?? 1);
}

function concentration(decomposition: Decomposition): number {
  const absolute = decomposition.members.map((m) => Math.abs(m.contribution));
  const total = absolute.reduce((a, b) => a + b, 0);
  return total === 0 ? 0 : Math.max(...absolute) / total;
}

/** Every dimension's split, in the family's order (null when the KPI has no value in a period). */
export function splitAll(
  spec: KpiSpec,
  dimensions: readonly Dimension[],
  current: MembersByDimension,
  previous: MembersByDimension,
): DimensionSplit[] | null {
  const splits: DimensionSplit[] = [];
  for (const dimension of dimensions) {
    const decomposition = splitBy(
      spec,
      memberInputs(spec, current[dimension] ?? [], previous[dimension] ?? []),
    );
    if (decomposition === null) return null;
    splits.push({ dimension, decomposition, concentration: concentration(decomposition) });
  }
  return splits;
}

/** The dimension that explains most (module comment), or the first one when none has two members. */
export function chooseDimension(splits: readonly DimensionSplit[]): DimensionSplit | undefined {
  let best: DimensionSplit | undefined;
  for (const split of splits) {
    if (split.decomposition.members.length < 2) continue;
    if (!best || split.concentration > best.concentration) best = split;
  }
  return best ?? splits[0];
}
