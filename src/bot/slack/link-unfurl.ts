/**
 * Previews of the bot's own links when someone shares them in Slack (`link_shared` →
 * chat.unfurl, https://docs.slack.dev/messaging/unfurling-links-in-messages): a chart link
 * (`<PUBLIC_BASE_URL>/charts/<id>.png?exp=…&sig=…`) unfurls as the chart itself, a table
 * download (`/files/<id>.csv?…`) as one line naming it. Only links on PUBLIC_BASE_URL's
 * origin whose signature checks out and that have not expired are unfurled — the signed
 * link is what lets anyone who holds it open the file, so the preview shows nothing the
 * person sharing it could not already open. Every other link is left to Slack.
 */
import { formatWallInZone } from "../../schedule/zone-time.js";
import { checkChartUrl } from "../signed-link.js";
import type { SlackBlock } from "./block-types.js";

export interface UnfurlSettings {
  /** PUBLIC_BASE_URL (https): the origin of the bot's links. */
  readonly baseUrl: string;
  /** CHART_URL_SECRET: the key the links are signed with. */
  readonly secret: string;
  readonly now: () => Date;
}

export interface OwnLink {
  readonly kind: "png" | "csv";
  readonly expiresAt: Date;
}

const LINK_PATH = /^\/(charts|files)\/([a-f0-9]{32})\.(png|csv)$/u;

/** The bot's own, validly signed, unexpired link — or undefined for anything else. */
export function ownLink(url: string, settings: UnfurlSettings): OwnLink | undefined {
  let parsed: URL;
  let base: URL;
  try {
    parsed = new URL(url);
    base = new URL(settings.baseUrl);
  } catch {
    return undefined;
  }
  if (parsed.origin !== base.origin) return undefined;
  const prefix = base.pathname.replace(/\/$/u, "");
  if (!parsed.pathname.startsWith(`${prefix}/`)) return undefined;
  const match = LINK_PATH.exec(parsed.pathname.slice(prefix.length));
  if (!match || (match[1] === "charts") !== (match[3] === "png")) return undefined;
  const exp = parsed.searchParams.get("exp") ?? undefined;
  const check = checkChartUrl({
    secret: settings.secret,
    id: match[2] as string,
    exp,
    sig: parsed.searchParams.get("sig") ?? undefined,
    now: settings.now(),
  });
  if (check !== "ok") return undefined;
  return { kind: match[3] as "png" | "csv", expiresAt: new Date(Number(exp) * 1000) };
}

/** The preview of one own link: a chart as its image, a CSV download as a line. */
export function unfurlBlocks(url: string, link: OwnLink): SlackBlock[] {
  const until = `link works until ${formatWallInZone(link.expiresAt, "UTC")}`;
  if (link.kind === "png") {
    return [
      {
        type: "context",
        elements: [{ type: "mrkdwn", text: `:bar_chart: *KPI chart* from kpi-bot · ${until}` }],
      },
      { type: "image", image_url: url, alt_text: "KPI chart from kpi-bot" },
    ];
  }
  return [
    {
      type: "context",
      elements: [
        { type: "mrkdwn", text: `:page_facing_up: *KPI table (CSV download)* from kpi-bot · ${until}` },
      ],
    },
  ];
}

/** chat.unfurl's `unfurls` for the shared links: own links only (empty when none is the bot's). */
export function unfurlsFor(
  links: readonly { readonly url: string }[],
  settings: UnfurlSettings,
): Record<string, { blocks: SlackBlock[] }> {
  const unfurls: Record<string, { blocks: SlackBlock[] }> = {};
  for (const { url } of links) {
    const link = ownLink(url, settings);
    if (link) unfurls[url] = { blocks: unfurlBlocks(url, link) };
  }
  return unfurls;
}
