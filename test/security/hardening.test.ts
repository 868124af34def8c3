/**
 * Hardening, end to end: 10,000 generated command texts as signed slash commands to the real
 * server (batches sent concurrently). No 5xx, no crash, no internal error; every reply is an
 * answer or a short error; and every reporting query's SQL text is one of the code's own
 * statements — user text reaches the database only as a bound parameter.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFixtureDatabase, type SlackBot, startSlackBot } from "../helpers/slack-bot.js";
import type { TestDatabase } from "../helpers/test-database.js";
import { waitFor } from "../helpers/wait-for.js";
import { type HostileInput, hostileInput } from "./hostile-inputs.js";

const RUNS = 10_000;
const BATCH = 100;
const SEED = Number(process.env.HARDENING_SEED ?? Date.now() % 1_000_000);
const queries: { sql: string; parameters: readonly unknown[] }[] = [];
let db: TestDatabase;
let bot: SlackBot;

beforeAll(async () => {
  db = await createFixtureDatabase("kpi_hardening");
  bot = await startSlackBot({
    databaseUrl: db.url,
    env: { DB_STATEMENT_TIMEOUT_MS: "10000" },
    onQuery: (sql, parameters) => queries.push({ sql, parameters }),
  });
});
afterAll(async () => {
  await bot?.close();
  await db?.drop();
});

const isHelp = (text: string) => text.includes("/kpi help") && text.length <= 3000;

describe(`${RUNS} generated command texts through Slack (seed ${SEED})`, () => {
  it("never break the server, never leak internals, and never become SQL text", async () => {
    const inputs: HostileInput[] = fc.sample(hostileInput, { numRuns: RUNS, seed: SEED });
    const statuses = new Map<number, number>();
    const responseIds: string[] = [];
    const started = performance.now();
    const ids = new Set<string>();
    const ephemeral = () => bot.fake.responses.filter((r) => ids.has(r.id));
    // A batch at a time, each answered before the next is sent: 100 requests in flight, not
    // 10,000 (a burst that size, bot and fake Slack sharing this process, made some replies
    // wait past the Web API client's 10 s timeout on a loaded machine).
    for (let i = 0; i < inputs.length; i += BATCH) {
      const sent = await Promise.all(inputs.slice(i, i + BATCH).map((input) => bot.command(input.text)));
      for (const s of sent) {
        statuses.set(s.status, (statuses.get(s.status) ?? 0) + 1);
        responseIds.push(s.responseId);
        ids.add(s.responseId);
      }
      const expected = Math.min(i + BATCH, inputs.length);
      await waitFor(
        () => ephemeral().length + bot.delivered() >= expected,
        `the replies to ${expected}`,
        60_000,
      );
    }
    await waitFor(() => ephemeral().length + bot.delivered() >= RUNS, "every reply", 60_000);
    const seconds = (performance.now() - started) / 1000;

    expect([...statuses.keys()]).toEqual([200]);
    expect((await fetch(`${bot.server.url}/healthz`)).status).toBe(200);
    for (const reply of ephemeral()) {
      const text = String(reply.body.text);
      expect(reply.body.response_type).toBe("ephemeral");
      // A filter value is repeated whole, in backticks: the asker's own text, not ours.
      expect(text.replace(/`[^`]*`/gu, "``")).not.toMatch(
        /Something went wrong|ER_[A-Z_]+|\bat \S+\.ts:\d+|SELECT |undefined|\[object /,
      );
      if (!isHelp(text)) expect(text.split("\n"), text).toHaveLength(1);
    }
    await bot.bot.guard.audit.flush();
    const [outcomes] = await db.connection.query(
      "SELECT outcome, COUNT(*) AS n FROM bot_audit GROUP BY outcome",
    );
    const counts = Object.fromEntries(
      (outcomes as { outcome: string; n: number }[]).map((r) => [r.outcome, Number(r.n)]),
    );
    expect(counts.failed).toBeUndefined();
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(RUNS);

    const statements = new Set(queries.map((q) => q.sql));
    const fragments = [...new Set(inputs.flatMap((input) => input.fragments))]
      .map((f) => f.trim())
      .filter((f) => f.length >= 6);
    for (const sql of statements) {
      for (const fragment of fragments) expect(sql.includes(fragment), `${fragment} in ${sql}`).toBe(false);
      expect(sql).not.toMatch(/'|"/);
    }
    // Parameters are dates and the database's own filter values, never the typed text.
    const parameters = new Set(queries.flatMap((q) => q.parameters.filter((p) => typeof p === "string")));
    for (const fragment of fragments) expect(parameters.has(fragment), fragment).toBe(false);
    const withParameters = queries.filter((q) => q.parameters.length > 0).length;
    console.info(
      `hardening: ${RUNS} inputs in ${seconds.toFixed(1)} s; outcomes ${JSON.stringify(counts)}; ` +
        `${bot.delivered()} answers; ${queries.length} queries (${withParameters} with parameters, ${statements.size} distinct statements)`,
    );
    expect(bot.delivered()).toBeGreaterThan(100);
    expect(withParameters).toBeGreaterThan(500);
  }, 300_000);
});
