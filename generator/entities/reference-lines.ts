/** Rows of the fixed reference tables: traffic sources, ad platforms and placement pricing. */
import { PLACEMENTS, PLATFORMS, TRAFFIC_SOURCES } from "../reference/marketing-data.js";
import { tsvText } from "../tsv.js";

export const SOURCE_COLUMNS = ["source_id", "slug", "name", "is_paid"] as const;

export function* sourceLines(): Generator<string> {
  for (const s of TRAFFIC_SOURCES) yield `${s.id}\t${s.slug}\t${tsvText(s.name)}\t${s.isPaid ? 1 : 0}\n`;
}

export const PLATFORM_COLUMNS = ["platform_id", "slug", "name"] as const;

export function* platformLines(): Generator<string> {
  for (const p of PLATFORMS) yield `${p.id}\t${p.slug}\t${tsvText(p.name)}\n`;
}

export const PRICING_COLUMNS = [
  "pricing_id",
  "platform_id",
  "placement",
  "pricing_model",
  "unit_price",
] as const;

export function* pricingLines(): Generator<string> {
  for (const p of PLACEMENTS) {
    yield `${p.id}\t${p.platformId}\t${p.placement}\t${p.model}\t${p.unitPrice.toFixed(4)}\n`;
  }
}
