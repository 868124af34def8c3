/**
 * `kpi schedule tick` / `kpi alerts check` processes killed (SIGKILL) after the Teams
 * connector delivered their message and before the ledger (or the alert state) recorded
 * it: the check or tick that takes over after the stale window lists the conversation's
 * messages through Microsoft Graph, finds the one tagged with the delivery id and records
 * it, so each conversation has its message exactly once. The fake connector holds its reply
 * (the message is in the channel, the process never hears back), so every kill lands in that
 * window. Graph is a local stand-in fed by what the connector delivered.
 */
import { spawn } from "node:child_process";
import { once } from "node:events";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { validateAdaptiveCard } from "../helpers/adaptive-card-validator.js";
import { FakeGraph } from "../helpers/fake-graph.js";
import { FakeTeamsConnector } from "../helpers/fake-teams-connector.js";
import { KPI_BIN, runKpi } from "../helpers/run-cli.js";
import { cardOf, createFixtureDatabase } from "../helpers/teams-cards.js";
import type { TestDatabase } from "../helpers/test-database.js";
import { waitFor } from "../helpers/wait-for.js";
import { dailySlotAhead } from "./schedule-harness.js";

const MINUTE = 60_000;
const TEAM = "0f5c1b9e-5a3e-4d0b-9a51-7c1f0d2e3a44";
const CHANNELS = ["19:crash-1@thread.tacv2", "19:crash-2@thread.tacv2", "19:crash-3@thread.tacv2"];
const GROUP_CHAT = "19:group-chat-crash@thread.v2";
const ORPHAN = "19:no-team-yet@thread.tacv2";

let db: TestDatabase;
let connector: FakeTeamsConnector;
let graph: FakeGraph;
let env: Record<string, string>;

beforeAll(async () => {
  db = await createFixtureDatabase("kpi_crash_teams");
  connector = await FakeTeamsConnector.start();
  graph = await FakeGraph.start(connector);
  graph.teams.set(TEAM, CHANNELS);
  env = {
    DATABASE_URL: db.url,
    TEAMS_ALLOW_ANONYMOUS: "true",
    TEAMS_GRAPH_URL: graph.graphUrl,
    LOG_LEVEL: "silent",
  };
});
afterAll(async () => {
  await connector?.close();
  await graph?.close();
  await db?.drop();
});
beforeEach(async () => {
  connector.reset();
  graph.reset();
  await db.connection.query(
    "DELETE FROM bot_deliveries; DELETE FROM bot_subscriptions; DELETE FROM bot_alert_state; DELETE FROM bot_teams_conversations;",
  );
  for (const [id, team] of [
    ...CHANNELS.map((c) => [c, TEAM] as const),
    [GROUP_CHAT, null] as const,
    [ORPHAN, null] as const,
  ]) {
    await db.connection.query(
      `INSERT INTO bot_teams_conversations (conversation_id, service_url, tenant_id, channel_id, bot_id,
         bot_name, conversation_type, team_aad_group_id, first_seen_at, last_seen_at)
       VALUES (?, ?, 'tenant-1', 'msteams', '28:kpi-bot-app-id', 'KPI Bot', ?, ?, NOW(3), NOW(3))`,
      [id, connector.url, id.endsWith("@thread.v2") ? "groupChat" : "channel", team],
    );
  }
});

async function subscribe(conversation: string, cron: string): Promise<void> {
  const args = ["subscriptions", "add", "--target", `teams:${conversation}`, "--areas", "stock"];
  const added = await runKpi([...args, "--cron", cron, "--tz", "UTC", "--period", "yesterday"], env);
  expect(added.stderr).toBe("");
}

const tick = (at: Date) => runKpi(["schedule", "tick", "--at", at.toISOString()], env);

/** Runs `kpi <args>`, waits until the connector holds its `held`-th post, kills it. */
async function killedAfterPost(args: string[], held: number, extraEnv: Record<string, string> = {}) {
  // Digests go out to several channels at once (src/schedule/fan-out.ts): hold the replies to
  // the first `held` posts, so that many are delivered to Teams and never recorded as sent.
  connector.hold(held - connector.held.length);
  const child = spawn(process.execPath, [KPI_BIN, ...args], {
    env: { ...process.env, ...env, ...extraEnv },
    stdio: "ignore",
  });
  const exited = once(child, "exit");
  await waitFor(() => connector.held.length >= held, `post number ${held} to be held`, 120_000);
  child.kill("SIGKILL");
  const [code, signal] = await exited;
  expect({ code, signal }).toEqual({ code: null, signal: "SIGKILL" });
}

/** New messages (not replies) the connector delivered into a conversation. */
const postedIn = (conversation: string) =>
  connector.delivered.filter(
    (c) => c.method === "POST" && c.conversationId === conversation && !c.activityId,
  );

async function ledger() {
  const [rows] = (await db.connection.query(
    "SELECT status, attempts, message_id FROM bot_deliveries ORDER BY delivery_id",
  )) as unknown as [Record<string, unknown>[]];
  return rows;
}

describe("kill -9 between the Teams post and the ledger's 'sent'", () => {
  it("a kill with three channels' posts in flight, then a takeover: each digest posted exactly once", async () => {
    const { slot, cron } = dailySlotAhead();
    for (const channel of CHANNELS) await subscribe(channel, cron);
    await killedAfterPost(["schedule", "tick", "--at", slot.toISOString()], CHANNELS.length);
    expect(CHANNELS.map((c) => postedIn(c).length)).toEqual([1, 1, 1]);

    const takeover = await tick(new Date(slot.getTime() + 11 * MINUTE));
    const perChannel = CHANNELS.map((c) => postedIn(c).length);
    console.info(
      `Teams: a kill between 3 posts and their records → messages per channel ${JSON.stringify(perChannel)}`,
    );
    expect(perChannel).toEqual([1, 1, 1]);
    expect(takeover.stdout).toMatch(/: 3 sent, 0 retrying, 0 failed/);
    const ids = CHANNELS.map((c) => String(postedIn(c)[0]?.id)).sort();
    const rows = (await ledger()).sort((a, b) => String(a.message_id).localeCompare(String(b.message_id)));
    expect(rows).toEqual(ids.map((id) => ({ status: "sent", attempts: 2, message_id: id })));
    expect(graph.lists.map((r) => r.path).sort()).toEqual(
      CHANNELS.map((c) => `/v1.0/teams/${TEAM}/channels/${encodeURIComponent(c)}/messages`).sort(),
    );

    await tick(new Date(slot.getTime() + 60 * MINUTE));
    expect(CHANNELS.map((c) => postedIn(c).length)).toEqual([1, 1, 1]);
  }, 420_000);

  it("in a group chat the takeover reads the chat's messages since the post began, and finds it", async () => {
    const { slot, cron } = dailySlotAhead();
    await subscribe(GROUP_CHAT, cron);
    await killedAfterPost(["schedule", "tick", "--at", slot.toISOString()], 1);
    expect((await tick(new Date(slot.getTime() + 11 * MINUTE))).stdout).toMatch(/: 1 sent/);
    expect(postedIn(GROUP_CHAT)).toHaveLength(1);
    const [list] = graph.lists;
    expect(list?.path).toBe(`/v1.0/chats/${encodeURIComponent(GROUP_CHAT)}/messages`);
    expect(list?.query.get("$orderby")).toBe("lastModifiedDateTime desc");
    expect(list?.query.get("$filter")).toBe(
      `lastModifiedDateTime gt ${new Date(slot.getTime() - 5 * MINUTE).toISOString()}`,
    );
  }, 300_000);

  it("a post that never reached Teams: Graph lists nothing tagged, the takeover posts once", async () => {
    const { slot, cron } = dailySlotAhead();
    await subscribe(CHANNELS[0] as string, cron);
    await killedAfterPost(["schedule", "tick", "--at", slot.toISOString()], 1);
    connector.reset(); // lost on its way: Teams has nothing
    expect((await tick(new Date(slot.getTime() + 11 * MINUTE))).stdout).toMatch(/: 1 sent/);
    expect(postedIn(CHANNELS[0] as string)).toHaveLength(1);
    expect(graph.lists).toHaveLength(1);
  }, 300_000);

  it("Graph refuses (no consent, then throttled) or the team is unknown: nothing posted blind, retried", async () => {
    const { slot, cron } = dailySlotAhead();
    await subscribe(CHANNELS[1] as string, cron);
    await subscribe(ORPHAN, cron);
    await killedAfterPost(["schedule", "tick", "--at", slot.toISOString()], 2);
    graph.failNext(1, {
      status: 403,
      body: { error: { code: "Forbidden", message: "Missing role permissions" } },
    });
    const refused = await tick(new Date(slot.getTime() + 11 * MINUTE));
    expect(refused.stdout).toMatch(/0 sent, 2 retrying/);
    graph.failNext(1, {
      status: 429,
      headers: { "retry-after": "5" },
      body: { error: { code: "TooManyRequests" } },
    });
    expect((await tick(new Date(slot.getTime() + 13 * MINUTE))).stdout).toMatch(/0 sent, 2 retrying/);
    expect(postedIn(CHANNELS[1] as string)).toHaveLength(1);
    expect(postedIn(ORPHAN)).toHaveLength(1);
    // Consent granted and the team known (Teams sent it when the bot was added): found.
    await db.connection.query(
      "UPDATE bot_teams_conversations SET team_aad_group_id = ? WHERE conversation_id = ?",
      [TEAM, ORPHAN],
    );
    graph.teams.set(TEAM, [...CHANNELS, ORPHAN]);
    expect((await tick(new Date(slot.getTime() + 20 * MINUTE))).stdout).toMatch(/: 2 sent/);
    expect(postedIn(CHANNELS[1] as string)).toHaveLength(1);
    expect(postedIn(ORPHAN)).toHaveLength(1);
    graph.teams.set(TEAM, CHANNELS);
  }, 300_000);

  it("a low-stock alert: one kill after the post, the takeover finds it and posts nothing", async () => {
    const alertEnv = { ALERT_CHANNEL: `teams:${CHANNELS[2]}` };
    const t0 = new Date(Date.now() + 2 * MINUTE);
    await killedAfterPost(["alerts", "check", "--at", t0.toISOString()], 1, alertEnv);
    const [alert] = postedIn(CHANNELS[2] as string);
    expect(alert?.body.text).toMatch(/2 product\(s\) at or below reorder level/);
    expect(validateAdaptiveCard(cardOf(alert))).toEqual([]);
    expect(cardOf(alert).body.at(-1)).toMatchObject({
      id: `kpi-delivery:alert-${t0.toISOString()}`,
      isVisible: false,
    });
    const takeover = await runKpi(
      ["alerts", "check", "--at", new Date(t0.getTime() + 11 * MINUTE).toISOString()],
      { ...env, ...alertEnv },
    );
    console.info(
      `Teams: 1 kill between alert post and record → alerts ${postedIn(CHANNELS[2] as string).length}`,
    );
    expect(postedIn(CHANNELS[2] as string)).toHaveLength(1);
    expect(takeover.stdout).toMatch(/0 alerted, 2 found already posted/);
  }, 300_000);
});
