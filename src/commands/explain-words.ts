/**
 * `explain [area] <kpi> [period] [vs …] [key=value …] [by=<dimension>]`: the words of an
 * explain command to a query whose `explain` says which KPI to split and by what. Without an
 * area the KPI's home area is used (src/explain/explain-kpis.ts: `homeArea`). Every bad word is
 * a one-line UserError naming the nearest valid word.
 */
import {
  DEFAULT_PERIOD,
  type ExplainRequest,
  type FilterKey,
  isFilterKey,
  type Query,
} from "../answer/query.js";
import { canExplain, EXPLAINABLE_KPIS, familyOfArea, homeArea } from "../areas/explain-families.js";
import { type Area, areaModule, findArea } from "../areas/registry.js";
import { commandError, didYouMean, echo, listWords } from "./messages.js";
import { parseQueryWords } from "./query-words.js";
import { suggest } from "./suggest.js";
import type { Token } from "./tokenize.js";

export const EXPLAIN_USAGE =
  "`/kpi explain <kpi> [period] [vs previous|vs last-year] [key=value ...] [by=<dimension>]`";

const accepts = (name: string, key: FilterKey) => {
  const area = findArea(name);
  return area !== undefined && (areaModule(area).filters as readonly string[]).includes(key);
};

/** The explain request checked against the area: a KPI it can split, a dimension it has. */
export function checkExplain(area: Area, request: ExplainRequest): ExplainRequest {
  const kpi = request.kpi.toLowerCase();
  if (!canExplain(area, kpi)) {
    const family = familyOfArea(area);
    const known = family ? Object.keys(family.kpis) : [];
    const hint = didYouMean(suggest(kpi, known.length > 0 ? known : EXPLAINABLE_KPIS));
    const what = family
      ? `${echo(area)} can explain ${listWords(known)}`
      : `${echo(area)} has no KPI to explain — try campaigns, orders or traffic`;
    throw commandError(
      "not_explainable",
      `Cannot explain ${echo(request.kpi)} in ${echo(area)}${hint || ` — ${what}`}`,
    );
  }
  if (request.by === undefined) return { kpi };
  const by = request.by.toLowerCase().replace(/[\s-]+/gu, "_");
  const dimensions = familyOfArea(area)?.dimensions ?? [];
  const match = dimensions.find((d) => d === by || (by === "payment" && d === "payment_method"));
  if (!match) {
    const hint = didYouMean(suggest(by, dimensions));
    throw commandError(
      "unknown_dimension",
      `${echo(area)} cannot be split by ${echo(request.by)}${hint || ` — use by=${dimensions.join("|by=")}`}`,
    );
  }
  return { kpi, by: match };
}

/** The query of an explain command's words (those after `explain`). */
export function parseExplain(tokens: readonly Token[]): Query<Area> {
  const rest = [...tokens];
  let area: Area | undefined;
  const head = rest[0];
  const second = rest[1];
  const isKpiWord = (t: Token | undefined) =>
    t !== undefined && !t.filter && !t.quoted && EXPLAINABLE_KPIS.includes(t.text.toLowerCase());
  // `orders`, `roas` and `ctr` are both an area and a KPI: the head names the area when a KPI
  // follows it (`explain orders revenue`, `explain roas roas`), else it is the KPI.
  if (head && !head.filter && !head.quoted && (!isKpiWord(head) || isKpiWord(second))) {
    area = findArea(head.text);
    if (area) rest.shift();
    if (area && !familyOfArea(area)) {
      throw commandError(
        "not_explainable",
        `${echo(area)} has no KPI to explain — explain works on campaigns, ad-performance, roas, ctr, orders and traffic`,
      );
    }
  }
  const kpiToken = rest.shift();
  if (!kpiToken || kpiToken.filter || kpiToken.quoted) {
    throw commandError(
      "missing_kpi",
      `Name the KPI to explain — e.g. /kpi explain roas last-30d. ${EXPLAIN_USAGE}`,
    );
  }
  const kpi = kpiToken.text.toLowerCase();
  if (!EXPLAINABLE_KPIS.includes(kpi)) {
    const hint = didYouMean(suggest(kpi, EXPLAINABLE_KPIS));
    throw commandError(
      "not_explainable",
      `Cannot explain ${echo(kpiToken.text)}${hint || ` — KPIs to explain are ${listWords(EXPLAINABLE_KPIS)}`}`,
    );
  }
  const byTokens = rest.filter((t) => t.filter?.key.toLowerCase() === "by");
  if (byTokens.length > 1) throw commandError("duplicate_filter", "Give `by=` once.");
  const by = byTokens[0]?.filter?.value;
  const others = rest.filter((t) => !byTokens.includes(t));
  if (!area) {
    const keys = others.flatMap((t) =>
      t.filter && isFilterKey(t.filter.key.toLowerCase()) ? [t.filter.key.toLowerCase() as FilterKey] : [],
    );
    area = findArea(homeArea(kpi, keys, accepts) ?? homeArea(kpi, [], accepts) ?? "");
    if (!area) throw commandError("not_explainable", `Cannot explain ${echo(kpiToken.text)}`);
  }
  const explain = checkExplain(area, { kpi, ...(by !== undefined ? { by } : {}) });
  const words = parseQueryWords(area, others);
  if (words === "help") throw commandError("explain_help", `See /kpi help explain. ${EXPLAIN_USAGE}`);
  if (words.rank)
    throw commandError(
      "explain_rank",
      `Explain splits one KPI; it does not rank — drop top=/bottom=. ${EXPLAIN_USAGE}`,
    );
  return {
    area,
    period: words.period ?? DEFAULT_PERIOD,
    comparison: words.comparison ?? "previous",
    filters: words.filters,
    explain,
  };
}
