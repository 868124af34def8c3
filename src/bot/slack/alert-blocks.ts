/**
 * A low-stock alert as Block Kit: the mention, one line per product (stock, reorder level,
 * days of cover), and a "Snooze 24 h" button whose value lists the SKUs. Pure.
 */
import { coverText, type LowStockAlert } from "../../schedule/alert-message.js";
import {
  MAX_BUTTON_VALUE_CHARS,
  MAX_MESSAGE_TEXT_CHARS,
  MAX_SECTION_TEXT_CHARS,
  mrkdwn,
  truncate,
} from "./block-kit-limits.js";
import type { SlackBlock } from "./block-types.js";

/** Not under the answer buttons' `kpi_` prefix, so only the snooze listener sees it. */
export const SNOOZE_ACTION_ID = "alert_snooze_24h";

/** The SKUs a snooze button covers, as its value: as many as fit in a button value. */
export function snoozeValue(skus: readonly string[]): string {
  const kept: string[] = [];
  for (const sku of skus) {
    if (JSON.stringify([...kept, sku]).length > MAX_BUTTON_VALUE_CHARS) break;
    kept.push(sku);
  }
  return JSON.stringify(kept);
}

/** The SKUs in a snooze button's value; anything else is an empty list. */
export function parseSnoozeValue(value: string): string[] {
  try {
    const parsed: unknown = JSON.parse(value);
    return Array.isArray(parsed)
      ? parsed.filter((s): s is string => typeof s === "string" && s.length <= 64)
      : [];
  } catch {
    return [];
  }
}

export function alertToBlocks(alert: LowStockAlert): { text: string; blocks: SlackBlock[] } {
  const heading = `${alert.mention ? `${alert.mention} ` : ""}:warning: *${alert.items.length} product${alert.items.length === 1 ? "" : "s"} at or below reorder level*`;
  const lines = alert.items.map(
    (i) =>
      `• *${mrkdwn(i.product, 200)}* (\`${mrkdwn(i.sku, 64)}\`, ${mrkdwn(i.category, 60)}) — stock ${i.stock}, reorder level ${i.reorderLevel}, ${coverText(i.daysOfCover)}`,
  );
  const body = truncate([heading, ...lines].join("\n"), MAX_SECTION_TEXT_CHARS);
  return {
    text: truncate(alert.text, MAX_MESSAGE_TEXT_CHARS),
    blocks: [
      { type: "section", text: { type: "mrkdwn", text: body } },
      {
        type: "actions",
        elements: [
          {
            type: "button",
            action_id: SNOOZE_ACTION_ID,
            text: { type: "plain_text", text: "Snooze 24 h" },
            value: snoozeValue(alert.items.map((i) => i.sku)),
          },
        ],
      },
    ],
  };
}
