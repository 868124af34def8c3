import { describe, expect, it } from "vitest";
import { eachDay } from "../../src/areas/area-series.js";
import { type DaySums, findKpiSeries } from "../../src/areas/kpi-series/kpi-sources.js";
import { robustRange } from "../../src/metrics/robust-range.js";
import { evaluateAlert } from "../../src/schedule/alert-evaluation.js";
import { decideMetricAlert, type MetricAlertState } from "../../src/schedule/alert-transitions.js";
import { baselineWindows, windowAt } from "../../src/schedule/alert-window.js";
import { parseAlertText } from "../../src/schedule/alert-words.js";

const TODAY = "2026-11-26"; // a Thursday

describe("alert windows", () => {
  it("end before the check day, except today", () => {
    expect(windowAt("yesterday", TODAY)).toEqual({ from: "2026-11-25", to: "2026-11-25" });
    expect(windowAt("today", TODAY)).toEqual({ from: TODAY, to: TODAY });
    expect(windowAt("last-7d", TODAY)).toEqual({ from: "2026-11-19", to: "2026-11-25" });
    expect(windowAt("week", TODAY)).toEqual({ from: "2026-11-16", to: "2026-11-22" });
    expect(windowAt("week", "2026-11-23")).toEqual({ from: "2026-11-16", to: "2026-11-22" });
    expect(windowAt("month", TODAY)).toEqual({ from: "2026-10-01", to: "2026-10-31" });
    expect(windowAt("month", TODAY, 1)).toEqual({ from: "2026-09-01", to: "2026-09-30" });
    expect(windowAt("last-7d", TODAY, 1)).toEqual({ from: "2026-11-12", to: "2026-11-18" });
  });

  it("compare a day with the same weekday of the 8 weeks before", () => {
    const base = baselineWindows("yesterday", windowAt("yesterday", TODAY));
    expect(base).toHaveLength(8);
    expect(base[0]).toEqual({ from: "2026-11-18", to: "2026-11-18" });
    expect(base[7]).toEqual({ from: "2026-09-30", to: "2026-09-30" });
  });
});

describe("the robust range", () => {
  it("is the median ± 3 scaled MADs, at least 5% of the median", () => {
    const range = robustRange([100, 102, 98, 101, 99, 100, 103, 97]);
    expect(range?.median).toBe(100);
    expect(range?.spread).toBeCloseTo(5, 6); // MAD 1.5 × 1.4826 = 2.22 < 5% of 100
    expect(range?.low).toBeCloseTo(85, 6);
    const wide = robustRange([100, 140, 60, 120, 80, 100, 130, 70]);
    expect(wide?.spread).toBeCloseTo(25 * 1.4826, 6);
    expect(robustRange([1, 2, 3, 4])).toBeNull();
  });
});

/** Daily sums: `fn(day)` for every day of the 120 days before TODAY. */
function days(fn: (day: string, index: number) => DaySums | undefined): Map<string, DaySums> {
  const map = new Map<string, DaySums>();
  eachDay("2026-07-01", TODAY).forEach((day, i) => {
    const sums = fn(day, i);
    if (sums) map.set(day, sums);
  });
  return map;
}

describe("an alert judged on daily sums", () => {
  const roas = findKpiSeries("roas");
  const orders = findKpiSeries("orders");
  if (!roas || !orders) throw new Error("KPIs missing");

  it("takes ratios of the window's sums, and no value on a zero denominator", () => {
    const data = days((day) =>
      day >= "2026-11-19" ? { spend: 100, revenue: day === "2026-11-25" ? 50 : 300 } : undefined,
    );
    const spec = parseAlertText("roas < 1 last-7d");
    const week = evaluateAlert(spec, roas, data, TODAY);
    expect(week.value).toBeCloseTo((6 * 300 + 50) / 700, 10);
    expect(week.met).toBe(false);
    const day = evaluateAlert(parseAlertText("roas < 1"), roas, data, TODAY);
    expect(day).toMatchObject({ value: 0.5, met: true, windowKey: "2026-11-25" });
    expect(day.history).toHaveLength(14);
    const zero = evaluateAlert(
      parseAlertText("roas < 1"),
      roas,
      days(() => ({ spend: 0, revenue: 10 })),
      TODAY,
    );
    expect(zero).toMatchObject({ value: null, met: null });
    const none = evaluateAlert(parseAlertText("roas < 1"), roas, new Map(), TODAY);
    expect(none).toMatchObject({ value: null, met: null });
  });

  it("fires a change only past the percentage, against a positive base", () => {
    const data = days((day) => ({ orders: day === "2026-11-25" ? 70 : day === "2026-11-18" ? 100 : 90 }));
    expect(
      evaluateAlert(parseAlertText("orders drops 20% vs previous-week"), orders, data, TODAY),
    ).toMatchObject({
      met: true,
      reference: { kind: "change", base: 100, change: -0.3 },
    });
    expect(evaluateAlert(parseAlertText("orders drops 25% vs previous"), orders, data, TODAY).met).toBe(
      false,
    );
    const noBase = days((day) => (day === "2026-11-25" ? { orders: 5 } : { orders: 0 }));
    expect(evaluateAlert(parseAlertText("orders rises 20%"), orders, noBase, TODAY).met).toBeNull();
  });

  it("calls a day unusual outside the same weekday's normal range", () => {
    const weekly = (spike: number) =>
      days((day, i) => ({ orders: day === "2026-11-25" ? spike : 100 + (i % 5) }));
    const spec = parseAlertText("orders unusual");
    expect(evaluateAlert(spec, orders, weekly(180), TODAY).met).toBe(true);
    expect(evaluateAlert(spec, orders, weekly(104), TODAY).met).toBe(false);
    const young = days((day) => (day >= "2026-11-01" ? { orders: 100 } : undefined));
    expect(evaluateAlert(spec, orders, young, TODAY).met).toBeNull();
  });
});

describe("the state machine of an alert on a KPI", () => {
  const ok: MetricAlertState = {
    state: "ok",
    firedAt: null,
    snoozedUntil: null,
    remindedAt: null,
    lastWindow: null,
    noDataWindows: 0,
    noDataReported: false,
  };
  const at = (h: number) => new Date(Date.UTC(2026, 10, 26, h));
  const DAY = 24 * 3_600_000;

  it("fires once, stays quiet, reminds at most daily, resolves once", () => {
    const fire = decideMetricAlert(ok, { windowKey: "d1", value: 0.5, met: true }, at(8), DAY);
    expect(fire.event).toBe("firing");
    const same = decideMetricAlert(fire.next, { windowKey: "d1", value: 0.5, met: true }, at(9), DAY);
    expect(same.event).toBeUndefined();
    const early = decideMetricAlert(fire.next, { windowKey: "d2", value: 0.5, met: true }, at(20), DAY);
    expect(early.event).toBeUndefined();
    const next = decideMetricAlert(fire.next, { windowKey: "d2", value: 0.5, met: true }, at(32), DAY);
    expect(next.event).toBe("reminder");
    expect(
      decideMetricAlert(fire.next, { windowKey: "d2", value: 0.5, met: true }, at(32), 0).event,
    ).toBeUndefined();
    const back = decideMetricAlert(next.next, { windowKey: "d3", value: 2, met: false }, at(56), DAY);
    expect(back).toMatchObject({ event: "resolved", next: { state: "ok" } });
    expect(
      decideMetricAlert(back.next, { windowKey: "d4", value: 2, met: false }, at(80), DAY).event,
    ).toBeUndefined();
  });

  it("stays quiet while snoozed, resolves in the thread, fires again after the snooze", () => {
    const snoozed: MetricAlertState = {
      ...ok,
      state: "snoozed",
      firedAt: at(0),
      snoozedUntil: at(24),
      lastWindow: "d1",
    };
    expect(
      decideMetricAlert(snoozed, { windowKey: "d2", value: 0.5, met: true }, at(10), DAY).event,
    ).toBeUndefined();
    expect(decideMetricAlert(snoozed, { windowKey: "d2", value: 0.5, met: true }, at(25), DAY).event).toBe(
      "firing",
    );
    expect(decideMetricAlert(snoozed, { windowKey: "d2", value: 2, met: false }, at(10), DAY)).toMatchObject({
      event: "resolved",
      next: { state: "snoozed" },
    });
  });

  it("never fires without a value, and says so once after three windows", () => {
    let state = ok;
    const events: (string | undefined)[] = [];
    for (const key of ["d1", "d1", "d2", "d3", "d4", "d5"]) {
      const decision = decideMetricAlert(state, { windowKey: key, value: null, met: null }, at(8), DAY);
      events.push(decision.event);
      state = decision.next;
    }
    expect(events).toEqual([undefined, undefined, undefined, "no_data", undefined, undefined]);
    expect(state.state).toBe("ok");
  });
});
