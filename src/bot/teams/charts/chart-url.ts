/**
 * Chart and CSV links for Teams cards: kept in the chart store, served at their routes, signed
 * and checked by src/bot/signed-link.ts (Slack's link previews check them there too). Teams
 * fetches card images anonymously, so the URL itself is the credential: unguessable id,
 * signature, and an expiry.
 */
import { LINK_FOLDERS, newChartId, signChartUrl } from "../../signed-link.js";
import type { ChartStore, LinkKind } from "./chart-store.js";

export { type ChartUrlCheck, checkChartUrl, isChartId, newChartId, signChartUrl } from "../../signed-link.js";

/** How long a chart link works: a day, long enough to scroll back to yesterday's answer. */
export const CHART_URL_TTL_MS = 24 * 60 * 60 * 1000;

/** The route (Express pattern) that serves one kind of link. */
export function linkRoute(kind: LinkKind): string {
  return `/${LINK_FOLDERS[kind]}/:id.${kind}`;
}

/** Where linked files are kept and how their links are signed. */
export interface LinkDeps {
  readonly store: ChartStore;
  readonly secret: string;
  /** The server's public base URL. */
  readonly baseUrl: string;
}

/** Keeps `bytes` in the store under a new id and returns the signed, expiring link to them. */
export function storeLink(links: LinkDeps, bytes: Buffer, kind: LinkKind = "png", filename?: string): string {
  const id = newChartId();
  const expiresAt = links.store.put(id, bytes, kind, filename);
  return signChartUrl({ baseUrl: links.baseUrl, secret: links.secret, id, expiresAt, kind });
}
