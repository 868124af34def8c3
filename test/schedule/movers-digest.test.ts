/**
 * Digests that lead with what moved, through `kpi schedule tick` and the real Slack sender,
 * on constructed data: ten weeks of steady sessions (20–22 a day, from three sources and two
 * devices), then one day with 60 more paid-social mobile sessions. A quiet subscription sends
 * nothing for the steady day, and one message for the day with the mover, which it leads with
 * (Sessions, its value from the base tables, and its explanation naming paid social).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays } from "../../src/calendar/calendar.js";
import { refreshDerived } from "../../src/db/refresh.js";
import { nextSlot } from "../../src/schedule/cron.js";
import { type DigestCli, startDigestCli } from "../helpers/digest-cli.js";

let cli: DigestCli;
const CRON = "0 9 * * *";
let slot: Date;
/** The steady day the first slot reports on, and the day with the mover the next slot reports on. */
let steadyDay: string;
let moverDay: string;

const DAY_MS = 86_400_000;

beforeAll(async () => {
  cli = await startDigestCli("kpi_movers");
  slot = nextSlot(CRON, "UTC", new Date(Date.now() + 60_000)) as Date;
  steadyDay = addDays(slot.toISOString().slice(0, 10), -1);
  moverDay = addDays(steadyDay, 1);
  const rows: string[] = [];
  let id = 10_000;
  const sources = [2, 3, 1];
  for (let back = 70; back >= -1; back--) {
    const day = addDays(steadyDay, -back);
    const count = 20 + (((back % 3) + 3) % 3) + (day === moverDay ? 60 : 0);
    for (let i = 0; i < count; i++) {
      const extra = day === moverDay && i >= count - 60;
      const source = extra ? 1 : (sources[i % 3] as number);
      const device = extra || i % 2 === 0 ? "mobile" : "desktop";
      const minute = String(i % 60).padStart(2, "0");
      rows.push(`(${id++}, NULL, ${source}, NULL, '${day} 10:${minute}:00', '${device}', 2, 60)`);
    }
  }
  await cli.db.connection.query(
    `INSERT INTO sessions (session_id, user_id, source_id, ad_id, started_at, device, page_views, duration_s) VALUES ${rows.join(",")}`,
  );
  await refreshDerived(cli.db.connection, { full: false });
}, 180_000);
afterAll(async () => cli?.close());

async function sessionsOn(day: string): Promise<number> {
  const [rows] = await cli.db.connection.query(
    "SELECT COUNT(*) AS n FROM sessions WHERE started_at >= ? AND started_at < DATE_ADD(?, INTERVAL 1 DAY)",
    [day, day],
  );
  return Number((rows as { n: number }[])[0]?.n);
}

async function ledger(id: number) {
  const [rows] = await cli.db.connection.query(
    "SELECT status, error_code FROM bot_deliveries WHERE subscription_id = ? ORDER BY slot_at",
    [id],
  );
  return rows as { status: string; error_code: string | null }[];
}

describe("quiet digests and movers", () => {
  it("a quiet digest sends nothing on a steady day and one message, led by the mover, on the day with one", async () => {
    const id = await cli.subscribe("C0QUIET", "traffic", {
      cron: CRON,
      tz: "UTC",
      period: "yesterday",
      quiet: true,
    });
    const steady = await cli.tick(slot);
    expect(steady.code, steady.stderr).toBe(0);
    expect(cli.posted("C0QUIET")).toHaveLength(0);
    expect(await ledger(id)).toEqual([{ status: "skipped", error_code: "quiet" }]);

    const next = new Date(slot.getTime() + DAY_MS);
    const moved = await cli.tick(next);
    expect(moved.code, moved.stderr).toBe(0);
    const posts = cli.posted("C0QUIET");
    expect(posts).toHaveLength(1);
    const blocks = posts[0]?.args.blocks as { type: string; text?: { text: string } }[];
    // Header, the period line, then what moved — before any area.
    expect(blocks.slice(0, 3).map((b) => b.type)).toEqual(["header", "context", "section"]);
    const lead = blocks[2]?.text?.text ?? "";
    expect(lead).toMatch(/^\*What moved\*/u);
    const now = await sessionsOn(moverDay);
    const before = await sessionsOn(steadyDay);
    // The constructed day: 60 sessions over the steady 20–22.
    expect(now - 60).toBeGreaterThanOrEqual(20);
    expect(now - 60).toBeLessThanOrEqual(22);
    expect(lead).toContain(`Sessions (traffic) ${now.toLocaleString("en-US")}`);
    expect(lead).toContain("unusual: normally");
    expect(lead).toContain(
      `Sessions rose from ${before.toLocaleString("en-US")} to ${now.toLocaleString("en-US")}`,
    );
    expect(lead).toMatch(/of the rise is (Paid social|Mobile)/u);
    // Only one KPI moved: one bullet.
    expect(lead.split("\n• ").length).toBe(2);
    expect((await ledger(id)).map((r) => r.status)).toEqual(["skipped", "sent"]);
  });

  it("a digest that is not quiet sends on a steady day too, without movers", async () => {
    const id = await cli.subscribe("C0LOUD", "traffic", { cron: CRON, tz: "UTC", period: "yesterday" });
    await cli.tick(slot);
    const posts = cli.posted("C0LOUD");
    expect(posts).toHaveLength(1);
    const blocks = posts[0]?.args.blocks as { type: string; text?: { text: string } }[];
    expect(blocks.some((b) => b.text?.text.startsWith("*What moved*"))).toBe(false);
    expect((await ledger(id)).map((r) => r.status)).toEqual(["sent"]);
  });

  it("a quiet digest silent for a week says 'nothing unusual', once", async () => {
    const id = await cli.subscribe("C0WEEK", "traffic", {
      cron: CRON,
      tz: "UTC",
      period: "yesterday",
      quiet: true,
    });
    // Created eight days before the steady slot: a week without a message has passed.
    const since = new Date(slot.getTime() - 8 * DAY_MS).toISOString().replace("T", " ").slice(0, 23);
    await cli.db.connection.query(
      "UPDATE bot_subscriptions SET created_at = ?, active_since = ? WHERE subscription_id = ?",
      [since, since, id],
    );
    const steady = await cli.tick(slot);
    expect(steady.code, steady.stderr).toBe(0);
    const posts = cli.posted("C0WEEK");
    expect(posts).toHaveLength(1);
    expect(posts[0]?.args.text).toBe(
      `Nothing unusual in traffic this week (quiet digest #${id}: it posts only when a KPI moves).`,
    );
    expect(posts[0]?.args.blocks).toBeUndefined();
    // The slots of the week before are older than the catch-up window: recorded skipped, never sent.
    const rows = await ledger(id);
    expect(rows[rows.length - 1]).toEqual({ status: "sent", error_code: null });
    expect(rows.slice(0, -1).every((r) => r.status === "skipped" && r.error_code === "missed_window")).toBe(
      true,
    );
  });
});
