import { setImmediate as nextTurn } from "node:timers/promises";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { expect, it } from "vitest";
import { renderChart } from "../../src/charts/index.js";
import { CHART_KINDS, SPECS_BY_KIND, scaled } from "./chart-fixtures.js";

/** Generous: a leak check, not a benchmark (measured growth is a few MB). */
const MAX_RSS_GROWTH = 150 * 1024 * 1024;

function exposeGc(): () => void {
  const existing = (globalThis as { gc?: () => void }).gc;
  if (existing) return existing;
  setFlagsFromString("--expose-gc");
  return runInNewContext("gc") as () => void;
}

/**
 * RSS once garbage is collected. Native memory of @napi-rs/canvas objects is released by
 * finalizers that Node runs on a later event-loop turn, so let a few turns pass.
 */
async function settledRss(gc: () => void): Promise<number> {
  for (let i = 0; i < 3; i++) {
    gc();
    await nextTurn();
  }
  return process.memoryUsage().rss;
}

async function renderMany(count: number, offset: number): Promise<void> {
  for (let i = offset; i < offset + count; i++) {
    const kind = CHART_KINDS[i % CHART_KINDS.length] ?? "bar";
    // 800×450 keeps 1,000 renders fast; a leak per render does not depend on the size.
    renderChart(scaled(SPECS_BY_KIND[kind], 1 + (i % 11) / 10), { width: 800, height: 450 });
    if (i % 10 === 0) await nextTurn();
  }
}

it("does not leak over 1,000 renders", { timeout: 180_000 }, async () => {
  const gc = exposeGc();
  await renderMany(50, 0);
  const before = await settledRss(gc);
  await renderMany(1000, 50);
  const after = await settledRss(gc);
  expect(after - before).toBeLessThan(MAX_RSS_GROWTH);
});
