/**
 * A low-stock alert in Teams: its heading, a card listing the products (stock, reorder level,
 * days of cover) and a "Snooze 24 h" button (Action.Execute) whose data lists the SKUs, as
 * Slack's button does. decodeStockSnooze reads the SKUs back, checked: they come from outside.
 */
import { z } from "zod";
import { coverText, type LowStockAlert } from "../../../schedule/alert-message.js";
import type { DeliveryTag } from "../../../schedule/senders.js";
import type { ExecuteAction, TextBlock } from "./adaptive-card-types.js";
import { taggedCardAttachment } from "./delivery-tag.js";

/** Marks the stock snooze button's data; also its verb. */
export const STOCK_SNOOZE_KIND = "kpi-stock-snooze";
/** SKUs one button covers: far more than an alert lists, far less than Teams' card size. */
export const STOCK_SNOOZE_MAX_SKUS = 200;
/** The longest SKU a button may carry (the alert state table's key is shorter). */
const MAX_SKU_CHARS = 64;

const snoozeSchema = z.object({
  kind: z.literal(STOCK_SNOOZE_KIND),
  skus: z.array(z.string().min(1).max(MAX_SKU_CHARS)).max(STOCK_SNOOZE_MAX_SKUS),
});

/** The SKUs a stock snooze button covers, or undefined when `value` is not one. */
export function decodeStockSnooze(value: unknown): string[] | undefined {
  const parsed = snoozeSchema.safeParse(value);
  return parsed.success ? parsed.data.skus : undefined;
}

export function stockSnoozeButton(skus: readonly string[]): ExecuteAction {
  return {
    type: "Action.Execute",
    title: "Snooze 24 h",
    verb: STOCK_SNOOZE_KIND,
    data: {
      kind: STOCK_SNOOZE_KIND,
      skus: skus.filter((s) => s.length <= MAX_SKU_CHARS).slice(0, STOCK_SNOOZE_MAX_SKUS),
    },
  };
}

/** The alert as a message: heading, products card (tagged) and the Snooze 24 h button. */
export function stockAlertActivity(alert: LowStockAlert, tag: DeliveryTag) {
  const lines = alert.items.map(
    (i): TextBlock => ({
      type: "TextBlock",
      wrap: true,
      text: `- **${i.product}** (${i.sku}): stock ${i.stock}, reorder level ${i.reorderLevel}, ${coverText(i.daysOfCover)}`,
    }),
  );
  const heading = `${alert.mention ? `${alert.mention} ` : ""}⚠️ ${alert.items.length} product(s) at or below reorder level`;
  const attachment = taggedCardAttachment(lines, alert.text, tag);
  return {
    type: "message",
    textFormat: "markdown",
    text: heading,
    attachments: [
      {
        ...attachment,
        content: { ...attachment.content, actions: [stockSnoozeButton(alert.items.map((i) => i.sku))] },
      },
    ],
  };
}
