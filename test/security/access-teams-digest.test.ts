/**
 * Team-level grants of the access policy on Teams digests (the real bot, its scheduler's tick
 * and Teams sender, a fake Bot Connector): a digest to a channel of a team the policy grants an
 * area carries it; a digest to a channel of another team is cut to what that team may see, with
 * a problem line in its place — the same path as a Slack channel grant. Figures are checked
 * against the base tables.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ScheduleRuntime } from "../../src/app/scheduling.js";
import type { AdaptiveCard } from "../../src/bot/teams/card/adaptive-card-types.js";
import { formatNumber } from "../../src/metrics/format.js";
import { runTick } from "../../src/schedule/tick.js";
import { orderSums } from "../helpers/independent-kpis.js";
import { addDailyDigest } from "../helpers/targets.js";
import { botAddedActivity, CHANNEL } from "../helpers/teams-activities.js";
import { createFixtureDatabase, factsOf, textsOf } from "../helpers/teams-cards.js";
import { startTeamsHarness, type TeamsHarness } from "../helpers/teams-harness.js";
import type { TestDatabase } from "../helpers/test-database.js";
import { FINANCE_TEAM, writePolicyFile } from "./policy-file.js";

/** A channel of the finance team (the policy grants `orders` to that team). */
const FINANCE_REPORTS = "19:finance-reports@thread.tacv2";
let db: TestDatabase;
let bot: TeamsHarness;
let runtime: ScheduleRuntime;

beforeAll(async () => {
  db = await createFixtureDatabase("kpi_access_teams_digest");
  bot = await startTeamsHarness({ databaseUrl: db.url, env: { ACCESS_POLICY_FILE: writePolicyFile() } });
  runtime = bot.bot.scheduling.runtime(bot.bot.platforms.senders);
  // Installed in a channel of the finance team and in a channel of the marketing team.
  const finance = botAddedActivity({ serviceUrl: bot.connector.url, conversationId: FINANCE_REPORTS });
  finance.channelData = {
    ...finance.channelData,
    team: { ...(finance.channelData as { team: object }).team, id: FINANCE_TEAM },
  } as typeof finance.channelData;
  for (const activity of [
    finance,
    botAddedActivity({ serviceUrl: bot.connector.url, conversationId: CHANNEL }),
  ]) {
    expect((await bot.post(activity)).status).toBe(200);
  }
});
afterAll(async () => {
  await bot?.close();
  await db?.drop();
});

describe("a Teams digest under team-level grants", () => {
  it("carries a granted area in the team's channel and leaves it out elsewhere, with a problem line", async () => {
    for (const channel of [FINANCE_REPORTS, CHANNEL]) {
      await addDailyDigest(
        runtime.tick.db,
        `teams:${channel}`,
        "campaigns,orders",
        new Date("2026-11-26T06:00:00Z"),
      );
    }
    const before = bot.connector.calls.length;
    const report = await runTick(new Date("2026-11-26T09:00:00Z"), runtime.tick);
    expect(report.outcomes.map((o) => o.status)).toEqual(["sent", "sent"]);
    const posted = bot.connector.calls.slice(before).filter((c) => c.method === "POST" && c.status < 300);
    const digestIn = (channel: string) => {
      const call = posted.find((c) => c.conversationId === channel);
      const body = call?.body as { text: string; attachments: { content: AdaptiveCard }[] };
      return { text: body.text, cards: body.attachments.map((a) => a.content) };
    };

    const revenue = (await orderSums(db.connection, { from: "2026-10-27", to: "2026-11-25" })).revenue;
    const finance = digestIn(FINANCE_REPORTS);
    expect(finance.text).not.toContain("may not be sent");
    expect(finance.cards.map((c) => textsOf(c)[0])).toEqual([
      "Campaigns · last 30 days",
      "Orders · last 30 days",
    ]);
    expect(factsOf(finance.cards[1] as AdaptiveCard).Revenue?.split("  ")[0]).toBe(
      formatNumber(revenue, "money", { currency: "EUR" }),
    );

    const marketing = digestIn(CHANNEL);
    expect(marketing.text).toContain(
      "**orders**: `orders` may not be sent to this channel (access policy); ask Finance (Ola).",
    );
    expect(marketing.cards.map((c) => textsOf(c)[0])).toEqual(["Campaigns · last 30 days"]);
    expect(JSON.stringify(marketing.cards)).not.toContain(
      formatNumber(revenue, "money", { currency: "EUR" }),
    );
  });
});
