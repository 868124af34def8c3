/**
 * Signed, expiring links to the files the bot serves: `${base}/charts/<id>.png?exp=<unix
 * seconds>&sig=<HMAC>` and `${base}/files/<id>.csv?…`. The signature is HMAC-SHA256 over
 * `<id>.<exp>` with the server's link secret (CHART_URL_SECRET), base64url; checking it is
 * constant-time. Teams cards link to them; Slack previews them when they are shared.
 */
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/** What a link serves: a chart image or a table as CSV (also the file's extension). */
export type SignedLinkKind = "png" | "csv";

/** The folder of each kind of link: charts at /charts/<id>.png, CSV downloads at /files/<id>.csv. */
export const LINK_FOLDERS: Readonly<Record<SignedLinkKind, string>> = { png: "charts", csv: "files" };

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
  readonly kind?: SignedLinkKind;
}): string {
  const exp = Math.floor(options.expiresAt.getTime() / 1000);
  const sig = signature(options.secret, options.id, exp).toString("base64url");
  const kind = options.kind ?? "png";
  return `${options.baseUrl.replace(/\/$/, "")}/${LINK_FOLDERS[kind]}/${options.id}.${kind}?exp=${exp}&sig=${sig}`;
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
