/**
 * Prometheus metrics of one `kpi serve` process, served at GET /metrics (prom-client's text
 * format; optional bearer token METRICS_TOKEN). What the process did is counted where it
 * passes one point: chat requests and their answer time at the audit (every request writes
 * exactly one audit row), acks at the HTTP server, charts at the renderer. What the process
 * or the shared database holds is read at scrape time: admission, the query cap, the delivery
 * ledger and alert states by status (all replicas' rows), and how old the data is.
 * Labels are bounded: platform names, area names, outcomes, statuses, first path segments.
 */
import { sql } from "kysely";
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import type { Admission } from "../bot/admission.js";
import type { CacheStats } from "../cache/bounded-cache.js";
import type { ChartRenderer } from "../charts/renderer.js";
import type { BotStateDb } from "../db/bot-state/bot-state-db.js";
import { withDeadline } from "../engine/deadline.js";
import type { Engine } from "../engine/engine.js";
import type { AuditEntry, AuditSink } from "../security/audit-log.js";

/** Seconds; answers and acks are judged against 0.1 s (ack), 0.15 s (data) and 2–3 s (whole answer). */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.15, 0.25, 0.5, 1, 2, 3, 5, 10, 30];
/** How long a scrape waits for the database's figures before leaving them out. */
const SCRAPE_DB_DEADLINE_MS = 2_000;

export interface MetricSources {
  readonly admission: Admission;
  readonly engine: Engine;
  readonly botState: BotStateDb;
  /** The chart cache (src/charts/cached-renderer.ts); the answer cache is the engine's. */
  readonly chartCache?: { stats(): CacheStats };
}

export interface BotMetrics {
  readonly registry: Registry;
  /** The audit sink that also counts each request and its time. */
  observeAudit(sink: AuditSink): AuditSink;
  /** The renderer that also times each chart and counts those in progress. */
  observeCharts(renderer: ChartRenderer): ChartRenderer;
  /** One HTTP response (its status and duration): Slack's ack over HTTP, a Teams turn. */
  observeHttp(path: string, status: number, seconds: number): void;
  /** Reads the scrape-time figures from `sources` from now on. */
  attach(sources: MetricSources): void;
  /** The text exposition of every metric. */
  scrape(): Promise<{ readonly contentType: string; readonly body: string }>;
}

/** "/slack/events" → "/slack"; a path's first segment keeps the label set small. */
function route(path: string): string {
  const first = path.split("/")[1] ?? "";
  return /^[a-z_-]{1,20}$/.test(first) ? `/${first}` : "/other";
}

export function createBotMetrics(): BotMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "kpi_" });
  let sources: MetricSources | undefined;

  const requests = new Counter({
    name: "kpi_chat_requests_total",
    help: "Chat requests by platform, area and outcome (answered, help, refused, user_error, failed, rate_limited)",
    labelNames: ["platform", "area", "outcome"],
    registers: [registry],
  });
  const answerSeconds = new Histogram({
    name: "kpi_chat_answer_seconds",
    help: "From a chat request to its answer (data and Answer, before charts and sending), by outcome",
    labelNames: ["platform", "outcome"],
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  const httpSeconds = new Histogram({
    name: "kpi_http_response_seconds",
    help: "HTTP responses by route and status: for Slack over HTTP the acknowledgement of each request",
    labelNames: ["route", "status"],
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  const chartSeconds = new Histogram({
    name: "kpi_chart_render_seconds",
    help: "Chart renders, waiting for a worker included, by result",
    labelNames: ["result"],
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  let chartsInProgress = 0;
  new Gauge({
    name: "kpi_chart_queue_depth",
    help: "Charts asked for and not drawn yet (waiting for a worker or rendering)",
    registers: [registry],
    collect() {
      this.set(chartsInProgress);
    },
  });
  const shed = new Counter({
    name: "kpi_chat_shed_total",
    help: "Chat requests told the bot is busy (admission control)",
    registers: [registry],
  });
  let shedSeen = 0;
  new Gauge({
    name: "kpi_chat_in_progress",
    help: "Chat requests being answered (state=active) or waiting for a turn (state=waiting)",
    labelNames: ["state"],
    registers: [registry],
    collect() {
      if (!sources) return;
      const stats = sources.admission.stats();
      this.set({ state: "active" }, stats.active);
      this.set({ state: "waiting" }, stats.waiting);
      shed.inc(stats.shed - shedSeen);
      shedSeen = stats.shed;
    },
  });
  new Gauge({
    name: "kpi_db_queries",
    help: "Reporting queries under the query cap: running, waiting for a permit, and the cap (max)",
    labelNames: ["state"],
    registers: [registry],
    collect() {
      if (!sources) return;
      const cap = sources.engine.queries;
      this.set({ state: "running" }, cap.running);
      this.set({ state: "waiting" }, cap.queued);
      this.set({ state: "max" }, cap.max);
    },
  });
  // The answer and chart caches count since the process started; the counter follows them at scrape time.
  const cacheStats = (): [string, CacheStats][] =>
    sources
      ? [
          ["answer", sources.engine.cacheStats()],
          ...(sources.chartCache ? [["chart", sources.chartCache.stats()] as [string, CacheStats]] : []),
        ]
      : [];
  const cacheSeen = new Map<string, number>();
  new Counter({
    name: "kpi_cache_requests_total",
    help: "Answer and chart cache asks by cache (answer, chart) and result: hit (kept), miss (computed), shared (joined a computation under way)",
    labelNames: ["cache", "result"],
    registers: [registry],
    collect() {
      for (const [cache, stats] of cacheStats()) {
        for (const [result, count] of [
          ["hit", stats.hits],
          ["miss", stats.misses],
          ["shared", stats.shared],
        ] as const) {
          const id = `${cache}:${result}`;
          this.inc({ cache, result }, count - (cacheSeen.get(id) ?? 0));
          cacheSeen.set(id, count);
        }
      }
    },
  });
  new Gauge({
    name: "kpi_cache_size",
    help: "What the answer and chart caches keep, by cache: entries (what=entries) and bytes (what=bytes)",
    labelNames: ["cache", "what"],
    registers: [registry],
    collect() {
      for (const [cache, stats] of cacheStats()) {
        this.set({ cache, what: "entries" }, stats.entries);
        this.set({ cache, what: "bytes" }, stats.bytes);
      }
    },
  });
  const scrapeErrors = new Counter({
    name: "kpi_metrics_scrape_errors_total",
    help: "Scrape-time database reads that failed or ran past their deadline (their figures were left out)",
    labelNames: ["figure"],
    registers: [registry],
  });
  const fromDatabase = async (figure: string, read: (s: MetricSources) => Promise<void>) => {
    if (!sources) return;
    const from = sources;
    await withDeadline(
      SCRAPE_DB_DEADLINE_MS,
      () => read(from),
      () => new Error(`${figure} took over ${SCRAPE_DB_DEADLINE_MS} ms`),
    ).catch(() => scrapeErrors.inc({ figure }));
  };
  new Gauge({
    name: "kpi_deliveries",
    help: "Messages in the delivery ledger by kind (digest, or the alert event: firing, resolved, reminder, no_data) and status, all replicas",
    labelNames: ["kind", "status"],
    registers: [registry],
    async collect() {
      await fromDatabase("deliveries", async ({ botState }) => {
        const rows = await botState
          .selectFrom("bot_deliveries")
          .select(["event", "status", sql<number>`COUNT(*)`.as("n")])
          .groupBy(["event", "status"])
          .execute();
        this.reset();
        for (const r of rows) this.set({ kind: r.event ?? "digest", status: r.status }, Number(r.n));
      });
    },
  });
  new Gauge({
    name: "kpi_alerts",
    help: "Alert states by kind (stock, metric) and state (ok, firing, …), all replicas",
    labelNames: ["kind", "state"],
    registers: [registry],
    async collect() {
      await fromDatabase("alerts", async ({ botState }) => {
        const rows = await botState
          .selectFrom("bot_alert_state")
          .select(["kind", "state", sql<number>`COUNT(*)`.as("n")])
          .groupBy(["kind", "state"])
          .execute();
        this.reset();
        for (const r of rows) this.set({ kind: r.kind, state: r.state }, Number(r.n));
      });
    },
  });
  new Gauge({
    name: "kpi_data_refresh_age_seconds",
    help: "Seconds since the last `kpi db refresh` finished (absent before the first)",
    registers: [registry],
    async collect() {
      await fromDatabase("refresh_age", async ({ botState }) => {
        // Both sides in the server's clock and session zone, whatever REPORT_TIMEZONE is.
        const { rows } = await sql<{ age: number | null }>`
          SELECT TIMESTAMPDIFF(MICROSECOND, last_refresh_at, NOW(3)) / 1e6 AS age
          FROM rollup_state WHERE id = 1`.execute(botState);
        this.reset();
        const age = rows[0]?.age;
        if (age !== null && age !== undefined) this.set(Math.max(0, Number(age)));
      });
    },
  });

  return {
    registry,
    observeAudit(sink) {
      return {
        record(entry: AuditEntry, log) {
          requests.inc({ platform: entry.platform, area: entry.area ?? "", outcome: entry.outcome });
          answerSeconds.observe(
            { platform: entry.platform, outcome: entry.outcome },
            entry.durationMs / 1000,
          );
          sink.record(entry, log);
        },
        flush: () => sink.flush(),
      };
    },
    observeCharts(renderer) {
      return {
        async render(spec, options) {
          chartsInProgress += 1;
          const end = chartSeconds.startTimer();
          try {
            const png = await renderer.render(spec, options);
            end({ result: "ok" });
            return png;
          } catch (error) {
            end({ result: "failed" });
            throw error;
          } finally {
            chartsInProgress -= 1;
          }
        },
        close: () => renderer.close(),
      };
    },
    observeHttp(path, status, seconds) {
      httpSeconds.observe({ route: route(path), status: String(status) }, seconds);
    },
    attach(next) {
      sources = next;
    },
    async scrape() {
      return { contentType: registry.contentType, body: await registry.metrics() };
    },
  };
}
