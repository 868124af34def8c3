/**
 * `explain <kpi>`: the Answer that splits one KPI's change between the period and its
 * comparison by the dimensions of its area (src/explain/decompose.ts has the arithmetic).
 * It leads with the explanation (the renderers' one sentence), then one table of top drivers
 * per dimension — the chosen dimension first — and a waterfall from the previous value to the
 * current one over the chosen dimension's members. Reads the rollup views only.
 */
import type { AnswerTable, ChartSpec, Explanation, Unit } from "../answer/answer.js";
import type { ExplainRequest } from "../answer/query.js";
import { figureKpi } from "../areas/area-kpis.js";
import type { AreaContext, Reader } from "../areas/area-module.js";
import { frameAnswer } from "../areas/define-area.js";
import {
  type Dimension,
  type FamilySpec,
  familyOfArea,
  type KpiSpec,
  type Sums,
} from "../areas/explain-families.js";
import { UserError } from "../errors.js";
import { headingOf, kpiLabelOf, unitOf } from "../metrics/measures.js";
import type { Contribution, Decomposition } from "./decompose.js";
import { chooseDimension, type DimensionSplit, splitAll } from "./explain-split.js";
import { MEMBER_LOADS, type MembersByDimension } from "./member-queries.js";

/** Rows per driver table before the rest is one "Other (n)" row. */
export const DRIVER_ROWS = 5;
/** Bars of the waterfall between the two totals (the rest is one "Other" bar). */
export const WATERFALL_STEPS = 6;
/** Drivers the lead sentence may name. */
export const LEAD_DRIVERS = 3;

const OTHER = "Other";

function otherRow(rest: readonly Contribution[], ratio: boolean): Contribution {
  const sum = (pick: (c: Contribution) => number | null) => rest.reduce((a, c) => a + (pick(c) ?? 0), 0);
  return {
    key: "",
    label: `${OTHER} (${rest.length})`,
    current: null,
    previous: null,
    contribution: sum((c) => c.contribution),
    rate: ratio ? sum((c) => c.rate) : null,
    mix: ratio ? sum((c) => c.mix) : null,
  };
}

/** The first `n` members, the rest summed into one row. */
export function topWithRest(decomposition: Decomposition, n: number): Contribution[] {
  const { members } = decomposition;
  if (members.length <= n) return [...members];
  return [...members.slice(0, n - 1), otherRow(members.slice(n - 1), decomposition.kind === "ratio")];
}

function driverTable(split: DimensionSplit, unit: Unit): AnswerTable {
  const { dimension, decomposition } = split;
  const rows = topWithRest(decomposition, DRIVER_ROWS);
  const ratio = decomposition.kind === "ratio";
  const columns = ratio
    ? [dimension, "previous", "current", "rate_effect", "mix_effect", "contribution"]
    : [dimension, "previous", "current", "contribution", "share_of_change"];
  const share = (c: Contribution) =>
    decomposition.change === 0 ? null : c.contribution / decomposition.change;
  return {
    key: `drivers_by_${dimension}`,
    title: `Drivers by ${headingOf(dimension).toLowerCase()}${
      decomposition.members.length > rows.length
        ? ` · top ${rows.length - 1} of ${decomposition.members.length}`
        : ""
    }`,
    columns,
    units: ratio ? ["text", unit, unit, unit, unit, unit] : ["text", unit, unit, unit, "percent"],
    rows: rows.map((c) =>
      ratio
        ? [c.label, c.previous, c.current, c.rate, c.mix, c.contribution]
        : [c.label, c.previous, c.current, c.contribution, share(c)],
    ),
  };
}

function waterfall(split: DimensionSplit, label: string, unit: Unit): ChartSpec {
  const { decomposition } = split;
  const steps = topWithRest(decomposition, WATERFALL_STEPS + 1);
  return {
    key: `waterfall_by_${split.dimension}`,
    kind: "waterfall",
    title: `${label}: what moved it, by ${headingOf(split.dimension).toLowerCase()}`,
    labels: ["Before", ...steps.map((s) => s.label), "Now"],
    series: [
      {
        name: label,
        values: [decomposition.previous, ...steps.map((s) => s.contribution), decomposition.current],
      },
    ],
    unit,
  };
}

function explanationOf(kpi: string, split: DimensionSplit | undefined, weight: string | null): Explanation {
  const d = split?.decomposition;
  const sum = (pick: (c: Contribution) => number | null) =>
    d?.members.reduce((a, c) => a + (pick(c) ?? 0), 0) ?? null;
  const ratio = d?.kind === "ratio";
  return {
    kpi,
    label: kpiLabelOf(kpi),
    unit: unitOf(kpi),
    kind: d?.kind ?? "ratio",
    previous: d?.previous ?? null,
    current: d?.current ?? null,
    change: d?.change ?? null,
    dimension: split && d && d.change !== 0 ? split.dimension : null,
    weight,
    drivers: (d?.members ?? []).slice(0, LEAD_DRIVERS).map((c) => ({
      label: c.label,
      contribution: c.contribution,
      rate: c.rate,
      mix: c.mix,
      previous: c.previous,
      current: c.current,
    })),
    members: d?.members.length ?? 0,
    rate: ratio ? sum((c) => c.rate) : null,
    mix: ratio ? sum((c) => c.mix) : null,
  };
}

/** The KPI's total value from the sums of one dimension's members (for a ratio with no value in a period). */
function totalOf(spec: KpiSpec, rows: MembersByDimension, dimension: Dimension): number | null {
  const all = rows[dimension] ?? [];
  const add = (pick: (s: Sums) => number) => all.reduce((a, r) => a + pick(r.sums), 0);
  if (spec.kind === "additive") return add(spec.sum);
  const denominator = add(spec.denominator);
  return denominator === 0 ? null : (add(spec.numerator) / denominator) * (spec.scale ?? 1);
}

/** What weights the members of a ratio KPI, for the sentence ("spend", "clicks"). */
const WEIGHTS: Readonly<Record<string, string>> = {
  roas: "spend",
  roi: "spend",
  ctr: "impressions",
  cpm: "impressions",
  click_to_lead: "clicks",
  cvr: "clicks",
  cpc: "clicks",
  cpl: "leads",
  cpa: "conversions",
  aov: "orders",
  conversion_rate: "sessions",
};

export function familyFor(area: string, kpi: string): { family: FamilySpec; spec: KpiSpec } {
  const family = familyOfArea(area);
  const spec = family?.kpis[kpi];
  if (!family || !spec) {
    throw new UserError("not_explainable", `${kpiLabelOf(kpi)} in ${area} cannot be explained.`);
  }
  return { family, spec };
}

export async function explainInContext(context: AreaContext, request: ExplainRequest, read: Reader) {
  const { family, spec } = familyFor(context.query.area, request.kpi);
  const comparison = context.comparison;
  if (!comparison)
    throw new UserError(
      "explain_needs_comparison",
      "Explain compares two periods: add vs previous or vs last-year.",
    );
  const dimensions = request.by ? family.dimensions.filter((d) => d === request.by) : family.dimensions;
  const load = MEMBER_LOADS[family.family];
  const [current, previous] = await Promise.all([
    read((db) => load(db, context.period, context.filters)),
    read((db) => load(db, comparison, context.filters)),
  ]);
  const splits = splitAll(spec, dimensions, current, previous);
  const chosen = request.by ? splits?.[0] : splits ? chooseDimension(splits) : undefined;
  const first = dimensions[0] as Dimension;
  const label = kpiLabelOf(request.kpi);
  const unit = unitOf(request.kpi);
  const kpi = splits
    ? figureKpi(request.kpi, chosen?.decomposition.current ?? null, chosen?.decomposition.previous ?? null)
    : figureKpi(request.kpi, totalOf(spec, current, first), totalOf(spec, previous, first));
  const ordered = splits && chosen ? [chosen, ...splits.filter((s) => s !== chosen)] : [];
  const moved = chosen !== undefined && chosen.decomposition.change !== 0;
  const answer = frameAnswer({ name: context.query.area, title: `Explain ${label}` }, context, {
    kpis: [kpi],
    tables: ordered.map((s) => driverTable(s, unit)),
    charts: chosen && moved ? [waterfall(chosen, label, unit)] : [],
    notes: [
      ...(splits
        ? []
        : [
            `${label} has no value in one of the two periods (nothing to divide by), so its change cannot be split.`,
          ]),
      ...(request.by
        ? []
        : [
            `Split by each of ${dimensions.map((d) => headingOf(d).toLowerCase()).join(", ")}; the lead names the one whose largest driver carries the largest share of its movement.`,
          ]),
    ],
  });
  return {
    ...answer,
    explanation: explanationOf(request.kpi, splits ? chosen : undefined, WEIGHTS[request.kpi] ?? null),
  };
}
