/**
 * The Explain buttons of a Teams card: they sit under the KPIs (an ActionSet in the body, the
 * period buttons stay in the card's actions), and pressing one posts the explanation as a new
 * reply beside the answer — the answer's card is not replaced — leading with its sentence,
 * its figures those of the base tables, with the waterfall as an image.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ActionSet, AdaptiveCard } from "../../src/bot/teams/card/adaptive-card-types.js";
import { formatNumber } from "../../src/metrics/format.js";
import { validateAdaptiveCard } from "../helpers/adaptive-card-validator.js";
import { ANSWER_BUTTONS } from "../helpers/answer-buttons.js";
import { adSums } from "../helpers/independent-kpis.js";
import { messageActivity, submitActivity } from "../helpers/teams-activities.js";
import { cardOf, createFixtureDatabase, imagesOf, textsOf } from "../helpers/teams-cards.js";
import { startTeamsHarness, type TeamsHarness } from "../helpers/teams-harness.js";
import type { TestDatabase } from "../helpers/test-database.js";

let db: TestDatabase;
let bot: TeamsHarness;

beforeAll(async () => {
  db = await createFixtureDatabase("kpi_teams_explain");
  bot = await startTeamsHarness({ databaseUrl: db.url });
});

afterAll(async () => {
  await bot?.close();
  await db?.drop();
});

async function send(activity: unknown) {
  const before = bot.connector.delivered.length;
  expect((await bot.post(activity)).status).toBe(200);
  const delivered = await bot.connector.waitFor((d) => d.length > before);
  return delivered[delivered.length - 1] as NonNullable<(typeof delivered)[number]>;
}

function explainData(card: AdaptiveCard, title: string): Record<string, unknown> {
  const actions = card.body.filter((e): e is ActionSet => e.type === "ActionSet").flatMap((s) => s.actions);
  const action = actions.find((a) => a.title === title);
  if (!action) throw new Error(`no ${title} in ${JSON.stringify(actions.map((a) => a.title))}`);
  return action.data;
}

describe("Explain buttons in Teams", () => {
  it("'Explain ROAS' replies with the explanation; the answer's card stays as it was", async () => {
    const first = await send(messageActivity("campaigns last-30d", { serviceUrl: bot.connector.url }));
    const card = cardOf(first);
    expect(validateAdaptiveCard(card)).toEqual([]);
    expect(card.actions?.map((a) => a.title)).toEqual(ANSWER_BUTTONS);
    // Nine KPIs, nine Explain buttons, in rows of at most six.
    const rows = card.body.filter((e): e is ActionSet => e.type === "ActionSet");
    expect(rows.map((r) => r.actions.length)).toEqual([6, 3]);
    const reply = await send(
      submitActivity(explainData(card, "Explain ROAS"), {
        serviceUrl: bot.connector.url,
        replyToId: first.id,
      }),
    );
    expect(reply.method).toBe("POST");
    const explained = cardOf(reply);
    expect(validateAdaptiveCard(explained)).toEqual([]);
    const texts = textsOf(explained);
    expect(texts[0]).toBe("Explain ROAS · last 30 days");
    const now = await adSums(db.connection, { from: "2026-10-27", to: "2026-11-25" });
    const before = await adSums(db.connection, { from: "2026-09-27", to: "2026-10-26" });
    const roas = (s: typeof now) => formatNumber(s.revenue / s.spend, "multiple", { currency: "EUR" });
    const direction = now.revenue / now.spend > before.revenue / before.spend ? "rose" : "fell";
    expect(texts[2]).toContain(`ROAS ${direction} from ${roas(before)} to ${roas(now)}`);
    expect(imagesOf(explained)).toHaveLength(1);
    expect(texts).toContain("ROAS: what moved it, by platform");
    // Its own buttons split by another dimension, in place.
    expect(
      explained.body.find((e): e is ActionSet => e.type === "ActionSet")?.actions.map((a) => a.title),
    ).toEqual(["By platform", "By campaign", "By format"]);
  });
});
