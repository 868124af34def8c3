/**
 * A request that fails unexpectedly (here: a reporting view the answer needs is gone) shows the
 * asker only "Something went wrong (ref …)", and the log line that ref points to is written at
 * error level, so it is kept whatever LOG_LEVEL above error the operator chose.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFixtureDatabase, type SlackBot, startSlackBot } from "../helpers/slack-bot.js";
import type { TestDatabase } from "../helpers/test-database.js";
import { waitFor } from "../helpers/wait-for.js";

let db: TestDatabase;
let bot: SlackBot;

beforeAll(async () => {
  db = await createFixtureDatabase("kpi_failed_ref");
  await db.connection.query("DROP VIEW v_traffic_conversion");
  bot = await startSlackBot({ databaseUrl: db.url });
});
afterAll(async () => {
  await bot?.close();
  await db?.drop();
});

describe("a failed request", () => {
  it("is logged at error level with the ref the asker was given", async () => {
    const sent = await bot.command("traffic last-7d");
    const reply = await waitFor(() => bot.fake.responses.find((r) => r.id === sent.responseId), "the reply");
    const ref = /^Something went wrong \(ref ([0-9a-f]+)\)/.exec(String(reply.body.text))?.[1];
    expect(ref).toBeDefined();
    const lines = bot.logs.map(
      (line) => JSON.parse(line) as { level: number; ref?: string; outcome?: string },
    );
    const logged = lines.filter((line) => line.ref === ref);
    expect(logged.map((line) => [line.level, line.outcome])).toEqual([[50, "failed"]]);
  });
});
