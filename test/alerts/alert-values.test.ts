/**
 * Alerts on a KPI, on generated data: every alert's value (and its comparison, and the
 * normal range of `unusual`) equals an independent computation from the base tables; a check
 * of many alerts reads each (source, filters) group with one query.
 */
import type { RowDataPacket } from "mysql2/promise";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadFilterOptions } from "../../src/areas/filters/filter-options.js";
import { loadDaySums } from "../../src/areas/kpi-series/kpi-series-query.js";
import type { DaySums } from "../../src/areas/kpi-series/kpi-sources.js";
import { findKpiSeries } from "../../src/areas/kpi-series/kpi-sources.js";
import { resolveFilters } from "../../src/commands/filter-match.js";
import type { Engine } from "../../src/engine/engine.js";
import { robustRange } from "../../src/metrics/robust-range.js";
import { type AlertEvaluation, daysNeeded, evaluateAlert } from "../../src/schedule/alert-evaluation.js";
import { baselineWindows, windowAt } from "../../src/schedule/alert-window.js";
import { parseAlertText } from "../../src/schedule/alert-words.js";
import { addMetricAlert } from "../../src/schedule/metric-alert-store.js";
import { checkMetricAlerts } from "../../src/schedule/metric-alerts.js";
import { div, expectClose } from "../helpers/expect-close.js";
import { AS_OF, createGeneratedDatabase } from "../helpers/generated-database.js";
import { adSums, orderSums, type Range, trafficSums, userCounts } from "../helpers/independent-kpis.js";
import type { TestDatabase } from "../helpers/test-database.js";
import { testEngine } from "../helpers/test-engine.js";
import {
  openRunner,
  RecordingSender,
  type Runner,
  SETTINGS,
  silentLog,
} from "../schedule/schedule-harness.js";

let db: TestDatabase;
let engine: Engine;
let runner: Runner;
let queries = 0;
let campaignId = 0;
let source = "";

beforeAll(async () => {
  db = await createGeneratedDatabase("kpi_alert_values");
  engine = testEngine(db.url, AS_OF, { onQuery: () => (queries += 1) });
  runner = openRunner(db.url);
  const [campaigns] = await db.connection.query<RowDataPacket[]>(
    `SELECT a.campaign_id AS id FROM ad_interactions i JOIN ads a ON a.ad_id = i.ad_id
     WHERE i.occurred_at >= '2026-11-16' AND i.occurred_at < '2026-11-23' AND i.stage = 'conversion'
     GROUP BY a.campaign_id ORDER BY COUNT(*) DESC LIMIT 1`,
  );
  campaignId = Number(campaigns[0]?.id);
  const [sources] = await db.connection.query<RowDataPacket[]>(
    "SELECT t.slug FROM sessions s JOIN traffic_sources t ON t.source_id = s.source_id GROUP BY t.slug ORDER BY COUNT(*) DESC LIMIT 1",
  );
  source = String(sources[0]?.slug);
}, 240_000);

afterAll(async () => {
  await runner?.close();
  await engine?.close();
  await db?.drop();
});

/** The alert judged as the bot judges it: one query over the days it needs. */
async function evaluated(text: string): Promise<AlertEvaluation> {
  const spec = parseAlertText(text);
  const kpi = findKpiSeries(spec.kpi);
  if (!kpi) throw new Error(`no KPI ${spec.kpi}`);
  const filters = await resolveFilters(spec.filters, (key) => engine.read((r) => loadFilterOptions(r, key)));
  const days: Map<string, DaySums> = await engine.read((r) =>
    loadDaySums(r, kpi.source, daysNeeded(spec, AS_OF), filters),
  );
  return evaluateAlert(spec, kpi, days, AS_OF);
}

const c = () => db.connection;

describe("each alert's value equals an independent computation from the base tables", () => {
  it("ad KPIs: ratios of the window's sums, with platform and campaign filters", async () => {
    const day = windowAt("yesterday", AS_OF);
    const meta = await adSums(c(), day, { platform: "meta" });
    expectClose(
      (await evaluated("roas < 1 platform=meta")).value,
      div(meta.revenue, meta.spend),
      "roas meta yesterday",
    );
    const week7 = windowAt("last-7d", AS_OF);
    const all7 = await adSums(c(), week7);
    expectClose(
      (await evaluated("ctr < 1% last-7d")).value,
      div(all7.clicks, all7.impressions),
      "ctr last-7d",
    );
    const week = windowAt("week", AS_OF);
    const one = await adSums(c(), week, { campaignId });
    expectClose(
      (await evaluated(`cpa > 10 week campaign=${campaignId}`)).value,
      div(one.spend, one.conversions),
      "cpa week",
    );
    const month = windowAt("month", AS_OF);
    expectClose(
      (await evaluated("spend > 100 month")).value,
      (await adSums(c(), month)).spend,
      "spend month",
    );
  });

  it("orders, traffic and signups, with city and source filters", async () => {
    const day = windowAt("yesterday", AS_OF);
    const berlin = await orderSums(c(), day, "Berlin");
    expectClose(
      (await evaluated("revenue < 100 city=Berlin")).value,
      berlin.orders ? berlin.revenue : null,
      "revenue Berlin",
    );
    const week7 = windowAt("last-7d", AS_OF);
    const all = await orderSums(c(), week7);
    expectClose((await evaluated("aov > 50 last-7d")).value, div(all.revenue, all.orders), "aov last-7d");
    const week = windowAt("week", AS_OF);
    const traffic = await trafficSums(c(), week);
    expectClose(
      (await evaluated("conversion_rate < 1% week")).value,
      div(traffic.converted, traffic.sessions),
      "conversion rate week",
    );
    const month = windowAt("month", AS_OF);
    expectClose(
      (await evaluated("new_users > 5 month city=Berlin")).value,
      (await userCounts(c(), month, "Berlin")).new_users,
      "new users Berlin month",
    );
  });

  it("a change against the same day a week before", async () => {
    const day = windowAt("yesterday", AS_OF);
    const before: Range = { from: "2026-11-18", to: "2026-11-18" };
    const [now, then] = [await orderSums(c(), day), await orderSums(c(), before)];
    const evaluation = await evaluated("orders drops 20% vs previous-week");
    expectClose(evaluation.value, now.orders, "orders yesterday");
    expect(evaluation.reference).toMatchObject({ kind: "change", baseRange: before });
    if (evaluation.reference.kind !== "change") throw new Error("not a change");
    expectClose(evaluation.reference.base, then.orders, "orders a week before");
    expectClose(evaluation.reference.change, (now.orders - then.orders) / then.orders, "change");
    expect(evaluation.met).toBe((now.orders - then.orders) / then.orders <= -0.2);
  });

  it("unusual: the same weekday's normal range over the 8 weeks before", async () => {
    const day = windowAt("yesterday", AS_OF);
    const evaluation = await evaluated(`sessions unusual source=${source}`);
    const counts = [];
    for (const w of baselineWindows("yesterday", day))
      counts.push((await trafficSums(c(), w, source)).sessions);
    const range = robustRange(counts);
    const value = (await trafficSums(c(), day, source)).sessions;
    expectClose(evaluation.value, value, "sessions yesterday");
    expect(evaluation.reference).toEqual({ kind: "range", range, windows: 8 });
    expect(evaluation.met).toBe(value < (range?.low ?? 0) || value > (range?.high ?? 0));
  });
});

describe("a check of many alerts", () => {
  it("reads each (source, filters) group once, whatever the number of alerts in it", async () => {
    const texts = [
      "roas < 1",
      "ctr < 1% last-7d",
      "cpc > 2 week",
      "spend unusual",
      "roi drops 50% vs previous month",
      "roas < 1 platform=meta",
      "ctr < 1% platform=meta",
      "revenue < 100",
      "orders unusual last-7d",
      "aov > 500 week",
      "sessions < 10",
      `conversion_rate < 1% source=${source}`,
      `sessions unusual source=${source}`,
    ];
    for (const text of texts)
      await addMetricAlert(
        runner.db,
        {
          target: { platform: "slack", id: "C0VALUES" },
          spec: parseAlertText(text),
          createdBy: "test",
          defaultTimeZone: "UTC",
          defaultTime: "08:00",
        },
        new Date("2026-11-25T00:00:00Z"),
      );
    const sender = new RecordingSender();
    queries = 0;
    const report = await checkMetricAlerts(
      new Date("2026-11-26T08:00:00Z"),
      { kind: "schedule" },
      {
        db: runner.db,
        engine,
        senders: sender.asSenders(),
        settings: SETTINGS,
        replicaId: "r1",
        log: silentLog,
        currency: "EUR",
        reminderMs: 0,
      },
    );
    // ads (no filter), ads platform=meta, orders, traffic, traffic source=…
    expect(report).toMatchObject({ checked: texts.length, groups: 5 });
    // One read per group, one filter-value look-up per filter key used (platform, source).
    expect(report.queries).toBe(7);
    expect(queries).toBe(report.queries);
    expect(sender.metricAlerts.map((m) => m.message.event).every((e) => e === "firing")).toBe(true);
    expect(sender.metricAlerts).toHaveLength(report.events.length);
  });
});
