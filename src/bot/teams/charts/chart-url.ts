/**
 * Signed, expiring chart URLs: `${base}/charts/<id>.png?exp=<unix seconds>&sig=<HMAC>`.
 * The signature is HMAC-SHA256 over `<id>.<exp>` with the server's chart secret, base64url;
 * checking it is constant-time. Teams fetches card images anonymously, so the URL itself is
 * the credential: unguessable id, signature, and an expiry.
 */
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { ChartStore, LinkKind } from "./chart-store.js";

/** How long a chart link works: a day, long enough to scroll back to yesterday's answer. */
export const CHART_URL_TTL_MS = 24 * 60 * 60 * 1000;

/** The folder of each kind of link: charts at /charts/<id>.png, CSV downloads at /files/<id>.csv. */
const LINK_FOLDERS: Readonly<Record<LinkKind, string>> = { png: "charts", csv: "files" };

/** The route (Express pattern) that serves one kind of link. */
export function linkRoute(kind: LinkKind): string {
  return `/${LINK_FOLDERS[kind]}/:id.${kind}`;
}
const ID_PATTERN = /^[a-f0-9]{32}$/;

export function newChartId(): string {
  return randomBytes(16).toString("hex");
}

export function isChartId(id: string): boolean {
  return ID_PATTERN.test(id);
}

function signature(secret: string, id: string, exp: number): Buffer {
  return createHmac("sha256", secret).update(`${id}.${exp}`).digest();
}

export function signChartUrl(options: {
  readonly baseUrl: string;
  readonly secret: string;
  readonly id: string;
  readonly expiresAt: Date;
  /** A chart image (`/charts/<id>.png`, the default) or a CSV download (`/files/<id>.csv`). */
  readonly kind?: LinkKind;
}): string {
  const exp = Math.floor(options.expiresAt.getTime() / 1000);
  const sig = signature(options.secret, options.id, exp).toString("base64url");
  const kind = options.kind ?? "png";
  return `${options.baseUrl.replace(/\/$/, "")}/${LINK_FOLDERS[kind]}/${options.id}.${kind}?exp=${exp}&sig=${sig}`;
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

export type ChartUrlCheck = "ok" | "bad-signature" | "expired";

/** Checks a request's id, exp and sig; "expired" only for a correctly signed link past its time. */
export function checkChartUrl(options: {
  readonly secret: string;
  readonly id: string;
  readonly exp: unknown;
  readonly sig: unknown;
  readonly now: Date;
}): ChartUrlCheck {
  const { id, exp, sig } = options;
  if (!isChartId(id) || typeof exp !== "string" || typeof sig !== "string") return "bad-signature";
  if (!/^\d{1,12}$/.test(exp) || !/^[A-Za-z0-9_-]{43}$/.test(sig)) return "bad-signature";
  const expected = signature(options.secret, id, Number(exp));
  const given = Buffer.from(sig, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return "bad-signature";
  return Number(exp) * 1000 <= options.now.getTime() ? "expired" : "ok";
}
