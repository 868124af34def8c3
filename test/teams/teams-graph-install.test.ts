/**
 * Proactive install into a team through Microsoft Graph (TEAMS_GRAPH_INSTALL=on): a digest to a
 * team the bot is not in (named by its Entra group id) installs the catalog app there with the
 * manifest's RSC permissions consented (POST /teams/{id}/installedApps, recorded by the fake
 * Graph), waits for Teams' installationUpdate, and posts into the team's General channel; once
 * there, no second install. A refusal names the permission the install needs.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ScheduleRuntime } from "../../src/app/scheduling.js";
import { INSTALL_PERMISSION } from "../../src/bot/teams/graph/team-install.js";
import { teamOfConversation } from "../../src/bot/teams/proactive/conversation-store.js";
import { readTeamsConfig } from "../../src/bot/teams/teams-config.js";
import { runTick } from "../../src/schedule/tick.js";
import { FakeGraph } from "../helpers/fake-graph.js";
import { FakeTeamsConnector } from "../helpers/fake-teams-connector.js";
import { addDailyDigest } from "../helpers/targets.js";
import { CHANNEL, installationActivity, TEAM_AAD_GROUP_ID } from "../helpers/teams-activities.js";
import { createFixtureDatabase, textsOf } from "../helpers/teams-cards.js";
import { startTeamsHarness, type TeamsHarness } from "../helpers/teams-harness.js";
import type { TestDatabase } from "../helpers/test-database.js";

const CATALOG_APP_ID = "1542629c-01b3-4a6d-8f76-1938b779e48d";
/** A team that never answers with an installationUpdate (Graph refuses the install). */
const OTHER_TEAM = "7d0d9f3e-1111-4c2a-9e0f-0a1b2c3d4e5f";
let db: TestDatabase;
let unused: FakeTeamsConnector;
let graph: FakeGraph;
let bot: TeamsHarness;
let runtime: ScheduleRuntime;

beforeAll(async () => {
  db = await createFixtureDatabase("kpi_teams_install");
  unused = await FakeTeamsConnector.start();
  graph = await FakeGraph.start(unused);
  bot = await startTeamsHarness({
    databaseUrl: db.url,
    env: {
      TEAMS_GRAPH_URL: graph.graphUrl,
      TEAMS_GRAPH_INSTALL: "on",
      TEAMS_CATALOG_APP_ID: CATALOG_APP_ID,
      TEAMS_GRAPH_INSTALL_WAIT_MS: "15000",
    },
  });
  runtime = bot.bot.scheduling.runtime(bot.bot.platforms.senders);
  // Teams' part: once installed, the bot hears of it in the team's General channel (id = the team's).
  graph.onInstall = async (teamId) => {
    if (teamId !== TEAM_AAD_GROUP_ID) return;
    await bot.post(installationActivity("add", { serviceUrl: bot.connector.url, conversationId: CHANNEL }));
  };
});
afterAll(async () => {
  await bot?.close();
  await graph?.close();
  await unused?.close();
  await db?.drop();
});

const subscribe = (team: string) =>
  addDailyDigest(runtime.tick.db, `teams:${team}`, "campaigns", new Date("2026-11-26T06:00:00Z"));

describe("a digest to a team the bot is not in", () => {
  it("installs the app through Graph, waits for Teams, and posts in the team's General channel", async () => {
    await subscribe(TEAM_AAD_GROUP_ID);
    const before = bot.connector.calls.length;
    const report = await runTick(new Date("2026-11-26T09:00:00Z"), runtime.tick);
    expect(report.outcomes.map((o) => o.status)).toEqual(["sent"]);
    expect(graph.installs).toEqual([
      {
        teamId: TEAM_AAD_GROUP_ID,
        body: {
          "teamsApp@odata.bind": `${graph.graphUrl}/appCatalogs/teamsApps/${CATALOG_APP_ID}`,
          consentedPermissionSet: {
            resourceSpecificPermissions: [
              { permissionValue: "ChannelMessage.Read.Group", permissionType: "Application" },
              { permissionValue: "ChatMessage.Read.Chat", permissionType: "Application" },
            ],
          },
        },
      },
    ]);
    const posts = bot.connector.calls.slice(before).filter((c) => c.method === "POST" && c.status < 300);
    const digest = posts.find((c) => Array.isArray(c.body.attachments));
    expect(digest?.conversationId).toBe(CHANNEL);
    const cards = digest?.body.attachments as { content: never }[];
    expect(textsOf(cards[0]?.content as never)[0]).toBe("Campaigns · last 30 days");
    expect(report.outcomes[0]?.messageId).toBe(digest?.id);

    // The team named by its Entra id is the team the access policy's grants name (for digests' cuts).
    expect(await teamOfConversation(bot.botState, TEAM_AAD_GROUP_ID)).toBe(CHANNEL);
    expect(await teamOfConversation(bot.botState, OTHER_TEAM)).toBeUndefined();

    // The next day: the team is known, nothing is installed again.
    const next = await runTick(new Date("2026-11-27T09:00:00Z"), runtime.tick);
    expect(next.outcomes.map((o) => o.status)).toEqual(["sent"]);
    expect(graph.installs).toHaveLength(1);
    expect(graph.requests.filter((r) => r.method === "POST")).toHaveLength(1);
  }, 60_000);

  it("a refused install fails the delivery with the permission it needs, posting nothing", async () => {
    await db.connection.query("DELETE FROM bot_subscriptions");
    await subscribe(OTHER_TEAM);
    // Refused for the digest, and again for the failure notice to the same target.
    graph.failNext(2, { status: 403, body: { error: { code: "Forbidden", message: "Missing role" } } });
    const before = bot.connector.calls.length;
    const report = await runTick(new Date("2026-11-28T09:00:00Z"), runtime.tick);
    expect(report.outcomes.map((o) => [o.status, o.errorCode])).toEqual([["failed", "graph_install_403"]]);
    const [rows] = await db.connection.query(
      "SELECT error_code, error_message FROM bot_deliveries WHERE status = 'failed'",
    );
    expect(rows).toEqual([
      {
        error_code: "graph_install_403",
        error_message: `Microsoft Graph refused to install the app in team ${OTHER_TEAM}: grant the application permission ${INSTALL_PERMISSION}`,
      },
    ]);
    expect(graph.installs).toHaveLength(1); // only the first test's
    expect(bot.connector.calls.slice(before).filter((c) => c.conversationId === OTHER_TEAM)).toEqual([]);
  }, 60_000);
});

describe("TEAMS_GRAPH_INSTALL", () => {
  it("needs the catalog app's id and Graph", () => {
    const anonymous = { TEAMS_ALLOW_ANONYMOUS: "true", TEAMS_GRAPH_INSTALL: "on" };
    expect(readTeamsConfig(anonymous, { production: false }).problems).toEqual([
      "TEAMS_CATALOG_APP_ID: required with TEAMS_GRAPH_INSTALL=on",
      "TEAMS_GRAPH_INSTALL: needs Microsoft Graph (the Teams credentials, or TEAMS_GRAPH_URL)",
    ]);
    const on = readTeamsConfig(
      {
        ...anonymous,
        TEAMS_GRAPH_URL: "https://graph.example.test/v1.0",
        TEAMS_CATALOG_APP_ID: CATALOG_APP_ID,
      },
      { production: false },
    );
    expect(on.config?.install).toEqual({ catalogAppId: CATALOG_APP_ID, waitMs: 60_000 });
    expect(
      readTeamsConfig({ TEAMS_ALLOW_ANONYMOUS: "true" }, { production: false }).config?.install,
    ).toBeUndefined();
  });
});
