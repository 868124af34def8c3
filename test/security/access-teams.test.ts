/**
 * The access policy in Teams, end to end (ACCESS_POLICY_FILE, the real server and Agents SDK
 * adapter, a fake Bot Connector): a refused area is a short text naming whom to ask; the
 * policy's conversations and teams get the card.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHANNEL, messageActivity, PERSONAL_CHAT, TENANT_ID, USER } from "../helpers/teams-activities.js";
import { createFixtureDatabase } from "../helpers/teams-cards.js";
import { startTeamsHarness, type TeamsHarness } from "../helpers/teams-harness.js";
import type { TestDatabase } from "../helpers/test-database.js";
import { CFO_CHAT, FINANCE_TEAM, writePolicyFile } from "./policy-file.js";

let db: TestDatabase;
let bot: TeamsHarness;

beforeAll(async () => {
  db = await createFixtureDatabase("kpi_access_teams");
  bot = await startTeamsHarness({ databaseUrl: db.url, env: { ACCESS_POLICY_FILE: writePolicyFile() } });
});
afterAll(async () => {
  await bot?.close();
  await db?.drop();
});

/** Posts a message; returns the reply's text, or "card" when it is an Adaptive Card. */
async function ask(text: string, conversationId: string, teamId?: string): Promise<string> {
  bot.connector.reset();
  const activity = messageActivity(text, { serviceUrl: bot.connector.url, conversationId });
  if (teamId) Object.assign(activity.channelData, { team: { id: teamId } });
  const response = await bot.post(activity);
  expect(response.status).toBe(200);
  const [call] = await bot.connector.waitFor((delivered) => delivered.length >= 1);
  const attachments = call?.body.attachments as { contentType?: string }[] | undefined;
  if (attachments?.some((a) => a.contentType === "application/vnd.microsoft.card.adaptive")) return "card";
  return String(call?.body.text);
}

describe("asking in Teams under the access policy", () => {
  it("refuses a listed area in another conversation with whom to ask, and an unlisted one by default", async () => {
    expect(await ask("orders last-7d", PERSONAL_CHAT)).toBe(
      "`orders` is not available to you here. To get access, ask Finance (Ola).",
    );
    expect(await ask("users last-30d", CHANNEL)).toBe(
      "`users` is not available to you here. To get access, ask #kpi-admins.",
    );
  });

  it("answers it in the policy's conversation and in any channel of the policy's team", async () => {
    expect(await ask("orders last-7d", CFO_CHAT)).toBe("card");
    expect(await ask("orders last-7d", `${CHANNEL};messageid=1`, FINANCE_TEAM)).toBe("card");
    expect(await ask("orders last-7d", CHANNEL, "19:another-team@thread.tacv2")).toContain("not available");
  });

  it("an area open to every conversation is answered", async () => {
    expect(await ask("campaigns last-30d", PERSONAL_CHAT)).toBe("card");
  });

  it("each request is audited with the tenant, the person and the outcome", async () => {
    await bot.bot.guard.audit.flush();
    const [rows] = await db.connection.query(
      "SELECT platform, workspace_id, user_id, channel_id, area, outcome FROM bot_audit ORDER BY audit_id",
    );
    expect(rows).toHaveLength(6);
    expect((rows as Record<string, unknown>[])[0]).toEqual({
      platform: "teams",
      workspace_id: TENANT_ID,
      user_id: USER.aadObjectId,
      channel_id: PERSONAL_CHAT,
      area: "orders",
      outcome: "refused",
    });
    expect((rows as { outcome: string }[]).map((r) => r.outcome)).toEqual([
      "refused",
      "refused",
      "answered",
      "answered",
      "refused",
      "answered",
    ]);
  });
});
