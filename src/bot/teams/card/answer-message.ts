/**
 * The outgoing Teams message for an Answer: its charts rendered at the Teams size, placed
 * inline or behind signed links within the message budget, and the Adaptive Card with the
 * answer's buttons, as one message activity that is always under the limit.
 */
import type { Answer } from "../../../answer/answer.js";
import type { ChartRenderer } from "../../../charts/chart-renderer.js";
import { queryToText } from "../../../commands/command-text.js";
import {
  type ChartBudget,
  MESSAGE_ENVELOPE_MARGIN_BYTES,
  placeCharts,
  pngDataUri,
  TEAMS_MESSAGE_LIMIT_BYTES,
} from "../charts/chart-placement.js";
import { type LinkDeps, signChartUrl, storeLink } from "../charts/chart-url.js";
import { answerToAdaptiveCard, type CardImage } from "./adaptive-card.js";
import { ADAPTIVE_CARD_CONTENT_TYPE, type AdaptiveCard } from "./adaptive-card-types.js";

/** Chart size for Teams: within its 1024×1024 image limit, sharp on a ~600 px card, and 800×450 PNGs stay around 10–35 KB. */
export const TEAMS_CHART_SIZE = { width: 800, height: 450 } as const;

export interface AnswerMessageDeps {
  readonly currency: string;
  /** Draws the charts off the main thread. */
  readonly charts: ChartRenderer;
  /** Where charts too big for the message are kept, and how their links are signed. */
  readonly links: LinkDeps;
  readonly budget?: ChartBudget;
  readonly chartSize?: { readonly width: number; readonly height: number };
}

export interface CardMessage {
  readonly type: "message";
  readonly attachments: readonly [{ readonly contentType: string; readonly content: AdaptiveCard }];
}

export interface AnswerMessage {
  readonly activity: CardMessage;
  /** UTF-8 size of the activity as sent (before the connector's envelope). */
  readonly bytes: number;
  readonly inlineCharts: number;
  readonly linkedCharts: number;
  /** PNG size of each chart, in order. */
  readonly chartBytes: readonly number[];
}

export function cardMessage(card: AdaptiveCard): CardMessage {
  return { type: "message", attachments: [{ contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: card }] };
}

const byteSize = (value: unknown) => Buffer.byteLength(JSON.stringify(value), "utf8");

export async function answerMessage(answer: Answer, deps: AnswerMessageDeps): Promise<AnswerMessage> {
  const size = deps.chartSize ?? TEAMS_CHART_SIZE;
  const pngs = await Promise.all(
    answer.charts.map((chart) => deps.charts.render(chart, { ...size, currency: deps.currency })),
  );
  const dataUris = pngs.map(pngDataUri);
  const altTexts = answer.charts.map((chart) => `Chart: ${chart.title}`);
  const card = (images: readonly CardImage[]) =>
    answerToAdaptiveCard(answer, { currency: deps.currency, images });

  const placeholder = signChartUrl({
    baseUrl: deps.links.baseUrl,
    secret: deps.links.secret,
    id: "0".repeat(32),
    expiresAt: new Date(4_000_000_000_000),
  });
  const baseBytes = byteSize(cardMessage(card(altTexts.map((altText) => ({ url: placeholder, altText })))));
  const placements = placeCharts(
    baseBytes,
    placeholder.length,
    dataUris.map((uri) => uri.length),
    deps.budget,
  );

  const images = placements.map((placement, i): CardImage => {
    const altText = altTexts[i] as string;
    if (placement === "inline") return { url: dataUris[i] as string, altText };
    return { url: storeLink(deps.links, pngs[i] as Buffer), altText };
  });
  const activity = cardMessage(card(images));
  const bytes = byteSize(activity);
  const limit = (deps.budget?.messageLimitBytes ?? TEAMS_MESSAGE_LIMIT_BYTES) - MESSAGE_ENVELOPE_MARGIN_BYTES;
  if (bytes > limit) {
    throw new Error(
      `Teams card for ${queryToText(answer.query)} is ${bytes} bytes, over the ${limit}-byte budget`,
    );
  }
  const inlineCharts = placements.filter((p) => p === "inline").length;
  return {
    activity,
    bytes,
    inlineCharts,
    linkedCharts: placements.length - inlineCharts,
    chartBytes: pngs.map((png) => png.length),
  };
}
