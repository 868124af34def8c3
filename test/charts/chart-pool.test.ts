/**
 * The chart worker pool with real worker threads: the same bytes as renderChart in-process,
 * concurrent renders, renderChart's errors passed through, a dying or stuck worker replaced
 * without a hung render, close(), the queue bound; the in-process renderer (CHART_WORKERS=0);
 * and CHART_WORKERS.
 */
import { once } from "node:events";
import { availableParallelism } from "node:os";
import type { Worker } from "node:worker_threads";
import { afterEach, describe, expect, it } from "vitest";
import type { ChartSpec } from "../../src/answer/answer.js";
import { type ChartPoolOptions, createChartPool } from "../../src/charts/chart-pool.js";
import { type ChartRenderer, createChartRenderer } from "../../src/charts/chart-renderer.js";
import { defaultChartWorkers } from "../../src/charts/chart-workers.js";
import { createInProcessChartRenderer } from "../../src/charts/in-process-renderer.js";
import { renderChart } from "../../src/charts/index.js";
import { CHART_RENDERER_CLOSED } from "../../src/charts/renderer.js";
import { ConfigError, loadConfig } from "../../src/config.js";
import { CHART_KINDS, SPECS_BY_KIND, scaled } from "./chart-fixtures.js";

const pools: ChartRenderer[] = [];
/** The workers the test's pools started, and their exits. */
const workers: Worker[] = [];
const exits: Promise<unknown>[] = [];

/** A pool that records the workers it starts and is closed after the test. */
function pool(options: Partial<ChartPoolOptions> = {}): ChartRenderer {
  const created = createChartPool({
    size: 2,
    ...options,
    onWorker: (worker) => {
      workers.push(worker);
      exits.push(once(worker, "exit"));
    },
  });
  pools.push(created);
  return created;
}

afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()));
  workers.length = 0;
  exits.length = 0;
});

describe("createChartPool", () => {
  it("gives the same bytes as renderChart for every chart kind and size", async () => {
    const charts = pool();
    for (const kind of CHART_KINDS) {
      const spec = SPECS_BY_KIND[kind];
      expect((await charts.render(spec)).equals(renderChart(spec)), kind).toBe(true);
      const small = { width: 800, height: 450, currency: "USD" };
      expect((await charts.render(spec, small)).equals(renderChart(spec, small)), kind).toBe(true);
    }
  });

  it("renders many charts at once on two workers, each the chart asked for", async () => {
    const charts = pool({ size: 2 });
    const specs = Array.from({ length: 24 }, (_, i) =>
      scaled(SPECS_BY_KIND[CHART_KINDS[i % CHART_KINDS.length] ?? "bar"], 1 + i / 10),
    );
    const pngs = await Promise.all(specs.map((spec) => charts.render(spec, { width: 400, height: 300 })));
    pngs.forEach((png, i) => {
      expect(
        png.equals(renderChart(specs[i] ?? SPECS_BY_KIND.bar, { width: 400, height: 300 })),
        `#${i}`,
      ).toBe(true);
    });
    expect(workers).toHaveLength(2);
  });

  it("rejects with renderChart's error for a bad option or spec, and keeps working", async () => {
    const charts = pool({ size: 1 });
    const inProcess = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        return error as Error;
      }
      throw new Error("renderChart did not throw");
    };
    const badWidth = inProcess(() => renderChart(SPECS_BY_KIND.bar, { width: 10 }));
    const viaPool = await charts.render(SPECS_BY_KIND.bar, { width: 10 }).catch((error: Error) => error);
    expect(viaPool).toBeInstanceOf(RangeError);
    expect((viaPool as Error).message).toBe(badWidth.message);

    const pie = { ...SPECS_BY_KIND.bar, kind: "pie" } as unknown as typeof SPECS_BY_KIND.bar;
    await expect(charts.render(pie)).rejects.toThrow(inProcess(() => renderChart(pie)).message);

    expect((await charts.render(SPECS_BY_KIND.line)).equals(renderChart(SPECS_BY_KIND.line))).toBe(true);
    expect(workers).toHaveLength(1);
  });

  it("rejects the render of a worker that dies, and renders the next one on a new worker", async () => {
    const charts = pool({ size: 1 });
    const rendering = charts.render(SPECS_BY_KIND.funnel);
    const first = workers[0];
    if (!first) throw new Error("no worker started for the render");
    await first.terminate();
    await expect(rendering).rejects.toThrow(
      /^The chart worker stopped \(exit code \d+\) while rendering "Ad funnel · last 30 days"$/,
    );

    expect((await charts.render(SPECS_BY_KIND.doughnut)).equals(renderChart(SPECS_BY_KIND.doughnut))).toBe(
      true,
    );
    expect(workers).toHaveLength(2);
  });

  it("rejects a render that outlives its timeout and stops that worker", async () => {
    // 1 ms: starting a worker alone takes far longer, so the render cannot finish in time.
    const charts = pool({ size: 1, timeoutMs: 1 });
    await expect(charts.render(SPECS_BY_KIND.bar)).rejects.toThrow(
      /Chart "ROI by platform.*" was not rendered within 1 ms; its worker was restarted/,
    );
    expect(workers).toHaveLength(1);
    await exits[0]; // terminated, not left running
    await expect(charts.render(SPECS_BY_KIND.line)).rejects.toThrow(/within 1 ms/);
    expect(workers).toHaveLength(2);
  });

  it("close() rejects the render in flight, the queued ones and every later one", async () => {
    const charts = pool({ size: 1 });
    const renders = [
      charts.render(SPECS_BY_KIND.bar),
      charts.render(SPECS_BY_KIND.line),
      charts.render(SPECS_BY_KIND.funnel),
    ];
    const settled = Promise.allSettled(renders);
    await charts.close();
    for (const result of await settled) {
      expect(result.status).toBe("rejected");
      expect((result as PromiseRejectedResult).reason.message).toBe(CHART_RENDERER_CLOSED);
    }
    await expect(charts.render(SPECS_BY_KIND.bar)).rejects.toThrow(CHART_RENDERER_CLOSED);
    await charts.close();
    expect(workers).toHaveLength(1);
    await Promise.all(exits);
  });

  it("refuses a render beyond the queue bound at once; the queued ones still complete", async () => {
    const charts = pool({ size: 1, maxQueued: 2 });
    const kinds = ["bar", "line", "doughnut"] as const;
    const accepted = kinds.map((kind) => charts.render(SPECS_BY_KIND[kind]));
    await expect(charts.render(SPECS_BY_KIND.funnel)).rejects.toThrow(
      `Too many charts waiting to be rendered (2): "${SPECS_BY_KIND.funnel.title}" refused`,
    );
    const pngs = await Promise.all(accepted);
    kinds.forEach((kind, i) => {
      expect(pngs[i]?.equals(renderChart(SPECS_BY_KIND[kind])), kind).toBe(true);
    });
  });

  it("eager: starts every worker at once, and renders on them without starting more", async () => {
    const renderer = pool({ size: 2, eager: true });
    expect(workers).toHaveLength(2);
    const spec = SPECS_BY_KIND.line;
    const pngs = await Promise.all([renderer.render(spec), renderer.render(spec), renderer.render(spec)]);
    for (const png of pngs) expect(png.equals(renderChart(spec))).toBe(true);
    expect(workers).toHaveLength(2);
  });

  it("refuses a size outside 1..8", () => {
    expect(() => createChartPool({ size: 0 })).toThrow("Chart workers must be an integer from 1 to 8, got 0");
    expect(() => createChartPool({ size: 9 })).toThrow(RangeError);
    expect(() => createChartPool({ size: 1.5 })).toThrow(RangeError);
  });
});

describe("the in-process renderer (CHART_WORKERS=0)", () => {
  it("gives the same bytes as renderChart, several at once", async () => {
    const renderer = createInProcessChartRenderer();
    try {
      const specs = CHART_KINDS.map((kind) => SPECS_BY_KIND[kind]);
      const pngs = await Promise.all(specs.map((spec) => renderer.render(spec)));
      pngs.forEach((png, i) => {
        expect(png.equals(renderChart(specs[i] as ChartSpec)), String(i)).toBe(true);
      });
    } finally {
      await renderer.close();
    }
  });

  it("rejects with renderChart's error, and refuses renders after close()", async () => {
    const renderer = createInProcessChartRenderer();
    const spec = SPECS_BY_KIND.bar;
    await expect(renderer.render(spec, { width: 10 })).rejects.toThrow(RangeError);
    expect((await renderer.render(spec)).equals(renderChart(spec))).toBe(true);
    await renderer.close();
    await expect(renderer.render(spec)).rejects.toThrow(CHART_RENDERER_CLOSED);
  });

  it("createChartRenderer picks it for 0 and a pool otherwise", async () => {
    const inProcess = createChartRenderer(0);
    const pool = createChartRenderer(1);
    try {
      const spec = SPECS_BY_KIND.bar;
      const [a, b] = await Promise.all([inProcess.render(spec), pool.render(spec)]);
      expect(a.equals(b)).toBe(true);
    } finally {
      await Promise.all([inProcess.close(), pool.close()]);
    }
  });
});

describe("CHART_WORKERS", () => {
  it("defaults to one core less than there are (1 to 4) and reads 0..8", () => {
    expect([1, 2, 3, 4].map((cores) => defaultChartWorkers(cores))).toEqual([1, 1, 2, 3]);
    expect(defaultChartWorkers(16)).toBe(4);
    expect(loadConfig({}).chartWorkers).toBe(defaultChartWorkers(availableParallelism()));
    expect(loadConfig({ CHART_WORKERS: "8" }).chartWorkers).toBe(8);
    expect(loadConfig({ CHART_WORKERS: " 1 " }).chartWorkers).toBe(1);
    expect(loadConfig({ CHART_WORKERS: "0" }).chartWorkers).toBe(0);
  });

  it("reports a value outside 0..8 or not an integer with the other bad keys", () => {
    for (const value of ["-1", "9", "1.5", "two"]) {
      const error = (() => {
        try {
          loadConfig({ CHART_WORKERS: value, CURRENCY: "euro" });
        } catch (e) {
          return e;
        }
      })();
      expect(error, value).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems;
      expect(
        problems.some((p) => p.startsWith("CHART_WORKERS:")),
        value,
      ).toBe(true);
      expect(
        problems.some((p) => p.startsWith("CURRENCY:")),
        value,
      ).toBe(true);
    }
  });
});
