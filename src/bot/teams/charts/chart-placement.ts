/**
 * Where each chart image goes: inside the message as a PNG data URI when it is small enough
 * and the whole message stays under Teams' size limit, otherwise behind a signed link.
 * Greedy in chart order, so the first (main) chart is the one most likely to travel inline.
 */

/**
 * Teams rejects bot messages larger than about 100 KB ("Message size limits":
 * https://learn.microsoft.com/microsoftteams/platform/bots/how-to/format-your-bot-messages).
 */
export const TEAMS_MESSAGE_LIMIT_BYTES = 100 * 1024;
/** Largest data URI put in a card; bigger charts are linked (keeps one chart from eating the budget). */
export const MAX_INLINE_CHART_BYTES = 60 * 1024;
/** Room for what the connector adds around our activity (ids, from/recipient, conversation, service URL). */
export const MESSAGE_ENVELOPE_MARGIN_BYTES = 4 * 1024;

export interface ChartBudget {
  /** The message limit; default TEAMS_MESSAGE_LIMIT_BYTES. */
  readonly messageLimitBytes?: number;
  /** Largest inline data URI; default MAX_INLINE_CHART_BYTES (0 links every chart). */
  readonly maxInlineChartBytes?: number;
}

export type Placement = "inline" | "link";

export function pngDataUri(png: Buffer): string {
  return `data:image/png;base64,${png.toString("base64")}`;
}

/**
 * @param baseBytes size of the whole message with every chart as a link
 * @param linkBytes length of one chart link
 * @param dataUriBytes length of each chart's data URI
 */
export function placeCharts(
  baseBytes: number,
  linkBytes: number,
  dataUriBytes: readonly number[],
  budget: ChartBudget = {},
): Placement[] {
  const limit = (budget.messageLimitBytes ?? TEAMS_MESSAGE_LIMIT_BYTES) - MESSAGE_ENVELOPE_MARGIN_BYTES;
  const maxInline = budget.maxInlineChartBytes ?? MAX_INLINE_CHART_BYTES;
  let total = baseBytes;
  return dataUriBytes.map((bytes) => {
    const grown = total - linkBytes + bytes;
    if (bytes > maxInline || grown > limit) return "link";
    total = grown;
    return "inline";
  });
}
