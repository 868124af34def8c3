/**
 * GET /charts/:id.png?exp=...&sig=... — the chart images that cards link to — and
 * GET /files/:id.csv?… — the CSV downloads of answers' tables. A bad or tampered signature
 * and an expired link are 403; a well-signed link to a file this process does not hold
 * (restarted, evicted) is 404.
 */
import type { RequestHandler } from "express";
import type { ChartStore, LinkKind } from "./chart-store.js";
import { checkChartUrl } from "./chart-url.js";

const CONTENT_TYPES: Readonly<Record<LinkKind, string>> = {
  png: "image/png",
  csv: "text/csv; charset=utf-8",
};

export function chartRoute(options: {
  readonly store: ChartStore;
  readonly secret: string;
  readonly now: () => Date;
  readonly kind?: LinkKind;
}): RequestHandler {
  const kind = options.kind ?? "png";
  return (req, res) => {
    const id = String(req.params.id ?? "");
    const check = checkChartUrl({
      secret: options.secret,
      id,
      exp: req.query.exp,
      sig: req.query.sig,
      now: options.now(),
    });
    if (check !== "ok") {
      res.status(403).json({ ok: false, error: check === "expired" ? "link_expired" : "bad_signature" });
      return;
    }
    const bytes = options.store.get(id, kind);
    if (!bytes) {
      res.status(404).json({ ok: false, error: kind === "png" ? "chart_not_found" : "file_not_found" });
      return;
    }
    const filename = options.store.filename(id, kind)?.replace(/[^\w.-]+/g, "-");
    res.set({
      "Content-Type": CONTENT_TYPES[kind],
      ...(kind === "csv"
        ? { "Content-Disposition": `attachment; filename="${filename ?? `${id}.csv`}"` }
        : {}),
      "Cache-Control": "private, max-age=86400, immutable",
      "X-Content-Type-Options": "nosniff",
    });
    res.send(bytes);
  };
}
