/** Signed chart URLs, the in-memory chart store and the inline-or-link budget, without a server. */
import { describe, expect, it } from "vitest";
import { placeCharts, TEAMS_MESSAGE_LIMIT_BYTES } from "../../src/bot/teams/charts/chart-placement.js";
import { ChartStore } from "../../src/bot/teams/charts/chart-store.js";
import { checkChartUrl, newChartId, signChartUrl } from "../../src/bot/teams/charts/chart-url.js";

const SECRET = "0123456789abcdef0123456789abcdef";
const NOW = new Date("2026-11-26T12:00:00Z");

function signed(id = newChartId(), expiresAt = new Date(NOW.getTime() + 3_600_000)) {
  const url = new URL(signChartUrl({ baseUrl: "https://bot.example.com/", secret: SECRET, id, expiresAt }));
  return { url, id, exp: url.searchParams.get("exp"), sig: url.searchParams.get("sig") };
}

describe("signed chart URLs", () => {
  it("look like /charts/<id>.png?exp=&sig= on the public base URL and check out", () => {
    const { url, id, exp, sig } = signed();
    expect(url.origin).toBe("https://bot.example.com");
    expect(url.pathname).toBe(`/charts/${id}.png`);
    expect(exp).toBe(String(Math.floor(NOW.getTime() / 1000) + 3600));
    expect(checkChartUrl({ secret: SECRET, id, exp, sig, now: NOW })).toBe("ok");
  });

  it("reject another secret, another id, a changed expiry or a flipped signature character", () => {
    const { id, exp, sig } = signed();
    const other = newChartId();
    const flipped = `${sig?.[0] === "A" ? "B" : "A"}${sig?.slice(1)}`;
    expect(checkChartUrl({ secret: `${SECRET}x`, id, exp, sig, now: NOW })).toBe("bad-signature");
    expect(checkChartUrl({ secret: SECRET, id: other, exp, sig, now: NOW })).toBe("bad-signature");
    expect(checkChartUrl({ secret: SECRET, id, exp: String(Number(exp) + 1), sig, now: NOW })).toBe(
      "bad-signature",
    );
    expect(checkChartUrl({ secret: SECRET, id, exp, sig: flipped, now: NOW })).toBe("bad-signature");
  });

  it("reject malformed parameters without throwing", () => {
    const { id, exp, sig } = signed();
    for (const [i, e, s] of [
      ["../etc/passwd", exp, sig],
      [id, undefined, sig],
      [id, ["1", "2"], sig],
      [id, "soon", sig],
      [id, exp, "short"],
      [id, exp, undefined],
    ] as const) {
      expect(checkChartUrl({ secret: SECRET, id: i, exp: e, sig: s, now: NOW })).toBe("bad-signature");
    }
  });

  it("expire: a correctly signed link past its time is 'expired'", () => {
    const { id, exp, sig } = signed(undefined, new Date(NOW.getTime() + 1000));
    expect(checkChartUrl({ secret: SECRET, id, exp, sig, now: new Date(NOW.getTime() + 999) })).toBe("ok");
    expect(checkChartUrl({ secret: SECRET, id, exp, sig, now: new Date(NOW.getTime() + 1000) })).toBe(
      "expired",
    );
  });
});

describe("ChartStore", () => {
  const png = (bytes: number) => Buffer.alloc(bytes, 1);

  it("keeps a chart until its time to live, then forgets it", () => {
    let now = NOW;
    const store = new ChartStore({ ttlMs: 1000, now: () => now });
    const expires = store.put("a", png(10));
    expect(expires.getTime()).toBe(NOW.getTime() + 1000);
    expect(store.get("a")?.length).toBe(10);
    now = new Date(NOW.getTime() + 1000);
    expect(store.get("a")).toBeUndefined();
    expect(store.size).toBe(0);
  });

  it("evicts the least recently used when over its count or byte bound", () => {
    const store = new ChartStore({ ttlMs: 60_000, now: () => NOW, maxEntries: 2, maxBytes: 100 });
    store.put("a", png(10));
    store.put("b", png(10));
    store.get("a");
    store.put("c", png(10));
    expect([store.get("a"), store.get("b"), store.get("c")].map((b) => b !== undefined)).toEqual([
      true,
      false,
      true,
    ]);
    store.put("big", png(95));
    expect(store.totalBytes).toBeLessThanOrEqual(100);
    expect(store.get("big")?.length).toBe(95);
    expect(store.size).toBe(1);
  });
});

describe("placeCharts", () => {
  it("inlines charts in order while each fits and the message stays under the limit", () => {
    // 20 KB card with links; link 150 B; three 40 KB data URIs: two fit under 100 KB − margin, the third is linked.
    expect(placeCharts(20_000, 150, [40_000, 40_000, 40_000])).toEqual(["inline", "link", "link"]);
    expect(placeCharts(5_000, 150, [35_000, 35_000, 35_000])).toEqual(["inline", "inline", "link"]);
    expect(placeCharts(5_000, 150, [70_000, 10_000])).toEqual(["link", "inline"]);
  });

  it("links everything with a zero inline budget, and honours a smaller message limit", () => {
    expect(placeCharts(5_000, 150, [1_000, 1_000], { maxInlineChartBytes: 0 })).toEqual(["link", "link"]);
    expect(placeCharts(5_000, 150, [10_000], { messageLimitBytes: 12_000 })).toEqual(["link"]);
    expect(TEAMS_MESSAGE_LIMIT_BYTES).toBe(102_400);
  });
});
