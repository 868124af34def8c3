/**
 * GET /charts/:id.png?exp=...&sig=... — the chart images that cards link to. A bad or
 * tampered signature and an expired link are 403; a well-signed link to a chart this
 * process does not hold (restarted, evicted) is 404.
 */
import type { RequestHandler } from "express";
import type { ChartStore } from "./chart-store.js";
import { checkChartUrl } from "./chart-url.js";

export const CHART_ROUTE = "/charts/:id.png";

export function chartRoute(options: {
  readonly store: ChartStore;
  readonly secret: string;
  readonly now: () => Date;
}): RequestHandler {
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
    const png = options.store.get(id);
    if (!png) {
      res.status(404).json({ ok: false, error: "chart_not_found" });
      return;
    }
    res.set({
      "Content-Type": "image/png",
      "Cache-Control": "private, max-age=86400, immutable",
      "X-Content-Type-Options": "nosniff",
    });
    res.send(png);
  };
}
