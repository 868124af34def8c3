/**
 * Alerts on a KPI at scale: 1,000 alerts of every kind (thresholds, changes, unusual; every
 * window; with and without filters) checked at once after a refresh that touched every
 * window, reading the reporting views of `reportingUrl` (read only) and keeping the alerts,
 * their states and the delivery ledger in `stateUrl`, a database of its own. Messages go to
 * a sender that accepts them at once (the chat platform is not what is measured).
 */

import { loadFilterOptions } from "../src/areas/filters/filter-options.js";
import { KPI_SERIES } from "../src/areas/kpi-series/kpi-sources.js";
import { instantForDay } from "../src/calendar/as-of.js";
import { createBotStateDb } from "../src/db/bot-state/bot-state-db.js";
import { createEngine } from "../src/engine/engine.js";
import { createLogger } from "../src/log.js";
import type { AlertSpec } from "../src/schedule/alert-spec.js";
import { parseAlertText } from "../src/schedule/alert-words.js";
import { addMetricAlert } from "../src/schedule/metric-alert-store.js";
import { checkMetricAlerts } from "../src/schedule/metric-alerts.js";
import type { AlertSender, PlatformSenders } from "../src/schedule/senders.js";
import type { ResultRow } from "./report-table.js";

const CONDITIONS = [
  "< 1",
  "> 1",
  "drops 20% vs previous",
  "rises 30% vs last-year",
  "drops 10% vs previous-week",
  "unusual",
];
const WINDOWS = ["yesterday", "last-7d", "week", "month"];

/** A value of the KPI's unit for a threshold. */
function threshold(condition: string, key: string): string {
  if (!condition.startsWith("<") && !condition.startsWith(">")) return condition;
  const unit = ["ctr", "click_to_lead", "cvr", "roi", "conversion_rate"].includes(key) ? "%" : "";
  return `${condition.slice(0, 1)} ${condition.slice(2)}${unit}`;
}

/** 1,000 alerts cycling through KPIs, conditions, windows and the filters each area accepts. */
async function alertTexts(count: number, filterValues: Record<string, string[]>): Promise<string[]> {
  const texts: string[] = [];
  for (let i = 0; texts.length < count; i++) {
    const kpi = KPI_SERIES[i % KPI_SERIES.length];
    if (!kpi) continue;
    const condition = threshold(
      CONDITIONS[Math.floor(i / KPI_SERIES.length) % CONDITIONS.length] as string,
      kpi.key,
    );
    const window = WINDOWS[Math.floor(i / 7) % WINDOWS.length] as string;
    const key = { ads: "platform", orders: "city", traffic: "source", signups: "city" }[kpi.source];
    const values = filterValues[key] ?? [];
    const pick = i % (values.length + 1);
    const filter = pick === 0 ? "" : ` ${key}="${values[pick - 1]}"`;
    // A month is not compared with the week before.
    const fitted = window === "month" ? condition.replace("previous-week", "previous") : condition;
    texts.push(`${kpi.key} ${fitted} ${window}${filter}`);
  }
  return texts;
}

export async function measureAlertCheck(options: {
  readonly reportingUrl: string;
  readonly stateUrl: string;
  readonly count: number;
  readonly asOf: string;
  readonly scale: number;
}): Promise<ResultRow[]> {
  let queries = 0;
  const engine = createEngine(
    {
      databaseUrl: options.reportingUrl,
      reportTimeZone: "UTC",
      statementTimeoutMs: 60_000,
      security: { maxConcurrentQueries: 4 },
    },
    () => instantForDay(options.asOf, "UTC"),
    { onQuery: () => (queries += 1) },
  );
  const db = createBotStateDb(options.stateUrl, { statementTimeoutMs: 60_000 });
  try {
    const filterValues: Record<string, string[]> = {};
    for (const key of ["platform", "city", "source"] as const) {
      const found = await engine.read((r) => loadFilterOptions(r, key));
      filterValues[key] = found.slice(0, 5).map((o) => o.label);
    }
    const texts = await alertTexts(options.count, filterValues);
    const created = new Date(instantForDay(options.asOf, "UTC").getTime() - 86_400_000);
    for (const text of texts) {
      const spec: AlertSpec = parseAlertText(text);
      await addMetricAlert(
        db,
        {
          target: { platform: "bench", id: "C0BENCH" },
          spec,
          createdBy: "bench",
          defaultTimeZone: "UTC",
          defaultTime: "08:00",
        },
        created,
      );
    }
    let sent = 0;
    const accept = async () => ({ messageId: `m${++sent}` });
    const alerts: AlertSender = { sendAlert: accept, sendRecovery: accept, sendMetricAlert: accept };
    const bench: PlatformSenders = { digests: { send: accept, sendNotice: accept }, alerts };
    queries = 0;
    const at = new Date(`${options.asOf}T09:00:00Z`);
    const started = performance.now();
    const report = await checkMetricAlerts(
      at,
      { kind: "refresh", changed: "all" },
      {
        db,
        engine,
        senders: { bench },
        settings: { catchUpMs: 6 * 3_600_000, staleMs: 600_000, maxAttempts: 5, adminTarget: undefined },
        replicaId: "bench",
        log: createLogger("silent"),
        currency: "EUR",
        reminderMs: 86_400_000,
      },
    );
    const seconds = (performance.now() - started) / 1000;
    const measured = `${report.checked} alerts (${CONDITIONS.length} conditions × ${WINDOWS.length} windows × ${KPI_SERIES.length} KPIs, with and without filters) after a refresh of every window; ${report.events.length} messages through the ledger`;
    return [
      {
        section: "alerts",
        figure: `${options.count} alerts checked after one refresh, scale ${options.scale}`,
        value: seconds * 1000,
        unit: "ms",
        measured,
        target: { op: "<=", limit: 10_000 },
      },
      {
        section: "alerts",
        figure: "reporting queries per (source, filters) group",
        value: report.queries / Math.max(1, report.groups),
        unit: "",
        measured: `${report.queries} queries (${queries} seen by the pool) for ${report.groups} groups`,
        target: { op: "<=", limit: 2 },
      },
    ];
  } finally {
    await db.destroy();
    await engine.close();
  }
}
