/**
 * Plain questions through Teams, end to end (the real server and adapter, a fake Bot
 * Connector): a message is read into the query, the card leads with how it was read and the
 * exact-grammar echo, with the fixture's hand figures; a doubtful question gets a card with a
 * button per reading, and pressing one answers that reading in its place.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHANNEL, messageActivity, PERSONAL_CHAT, submitActivity } from "../helpers/teams-activities.js";
import { cardOf, createFixtureDatabase, factsOf, textsOf } from "../helpers/teams-cards.js";
import { startTeamsHarness, type TeamsHarness } from "../helpers/teams-harness.js";
import type { TestDatabase } from "../helpers/test-database.js";

let db: TestDatabase;
let bot: TeamsHarness;

beforeAll(async () => {
  db = await createFixtureDatabase("kpi_teams_plain");
  bot = await startTeamsHarness({ databaseUrl: db.url });
});

afterAll(async () => {
  await bot?.close();
  await db?.drop();
});

async function send(activity: Record<string, unknown>) {
  bot.connector.reset();
  const response = await bot.post(activity);
  expect(response.status).toBe(200);
  const [call] = await bot.connector.waitFor((delivered) => delivered.length >= 1);
  return call;
}

describe("a plain question in Teams", () => {
  it("is answered with the query it read, the echo first, and the fixture's figures", async () => {
    const call = await send(
      messageActivity("how did meta do in the last 30 days?", {
        serviceUrl: bot.connector.url,
        conversationId: `${CHANNEL};messageid=1764147600001`,
        mention: true,
      }),
    );
    const card = cardOf(call);
    expect(textsOf(card).slice(0, 3)).toEqual([
      "Campaigns · last 30 days · platform Meta",
      "Oct 27 – Nov 25, 2026 · UTC · vs Sep 27 – Oct 26, 2026",
      "Read as Campaigns · last 30 days vs previous 30 days · platform Meta — ask `campaigns last-30d platform=meta`",
    ]);
    // Meta's ad 1 only: CPM €10 × 3,500 impressions = €35; its order 1 brought €240 (test/db/fixture.ts).
    expect(factsOf(card)).toMatchObject({ Spend: "€35.00  —", Revenue: "€240.00  —" });
  });

  it("asks back with a card of readings; a press answers the reading in place", async () => {
    const call = await send(
      messageActivity("roas meta vs google", {
        serviceUrl: bot.connector.url,
        conversationId: PERSONAL_CHAT,
      }),
    );
    const card = cardOf(call);
    expect(textsOf(card)[0]).toContain(
      "did you mean `roas last-30d platform=meta` or `roas last-30d platform=google`?",
    );
    const actions = (card.actions ?? []) as readonly { title: string; data: unknown }[];
    expect(actions.map((a) => a.title)).toEqual([
      "roas last-30d platform=meta",
      "roas last-30d platform=google",
    ]);

    const answered = await send(
      submitActivity(actions[1]?.data, {
        serviceUrl: bot.connector.url,
        conversationId: PERSONAL_CHAT,
        replyToId: "ask-back-card",
      }),
    );
    const answer = cardOf(answered);
    expect(textsOf(answer)[0]).toBe("ROAS · last 30 days · platform Google");
    // Google's ad 2: CPC €0.50 × 4 clicks = €2; its order 3 brought €150: ROAS 75.00×.
    expect(factsOf(answer)).toMatchObject({ ROAS: "75.00×  —", Spend: "€2.00  —" });
  });
});
