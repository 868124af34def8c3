/**
 * A digest's mover as one line, the same on every surface: the KPI, its value and change,
 * why it counts as moved, and its explanation's sentence —
 * "ROAS (campaigns) 3.40× ▼ 17.1% — unusual: normally 3.95×–4.41×. ROAS fell from …"
 */

import { formatNumber } from "../metrics/format.js";
import { changeText } from "../metrics/trend.js";
import type { Mover } from "../schedule/movers.js";
import { explanationSentence } from "./explanation-text.js";

export function moverLine(mover: Mover, currency: string): { readonly head: string; readonly why: string } {
  const { kpi, normal } = mover;
  const value = (v: number | null) => formatNumber(v, kpi.unit, { currency });
  const change = changeText(kpi, true, currency);
  // Counts and money are never negative; counts are whole.
  const whole = kpi.unit === "count";
  const low = normal && (whole || kpi.unit === "money") ? Math.max(0, normal.low) : normal?.low;
  const edge = (v: number) => value(whole ? Math.round(v) : v);
  const reason =
    mover.reason === "unusual" && normal && low !== undefined
      ? `unusual: normally ${edge(low)}–${edge(normal.high)}`
      : "a large change against the comparison";
  const head = `${kpi.label} (${mover.area}) ${value(kpi.value)}${change ? ` ${change}` : ""} — ${reason}`;
  const why = mover.explanation ? explanationSentence(mover.explanation, currency) : "";
  return { head, why };
}
