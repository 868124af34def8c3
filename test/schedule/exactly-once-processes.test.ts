import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBotStateDb } from "../../src/db/bot-state/bot-state-db.js";
import { scheduleFromCron } from "../../src/schedule/schedule-phrase.js";
import { addSubscription } from "../../src/schedule/subscription-store.js";
import { rows } from "../db/fixture.js";
import { parseTarget } from "../helpers/targets.js";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database.js";
import { waitFor } from "../helpers/wait-for.js";

const RUNNER = fileURLToPath(new URL("./tick-runner-process.ts", import.meta.url));
const CREATED = new Date("2026-11-25T07:00:00.000Z");
const AT = new Date("2026-11-25T07:50:00.000Z");

interface Post {
  readonly replica: string;
  readonly subscriptionId: number;
  readonly slot: string;
}

/** The fake platform: records every accepted post; holds one chosen slot's first post forever. */
function fakePlatform(holdSlot: string) {
  const accepted: Post[] = [];
  const held: Post[] = [];
  let ts = 0;
  const server: Server = createServer(async (request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const post = JSON.parse(Buffer.concat(chunks).toString("utf8")) as Post;
    if (post.slot === holdSlot && held.length === 0) {
      held.push(post);
      return; // never answered: the replica is killed while waiting
    }
    accepted.push(post);
    ts += 1;
    response.setHeader("content-type", "application/json");
    response.end(JSON.stringify({ ok: true, ts: `1764057600.${String(ts).padStart(6, "0")}` }));
  });
  return { server, accepted, held };
}

function startRunner(
  url: string,
  replica: string,
  at: Date,
  fakeUrl: string,
): { child: ChildProcess; output: Promise<string> } {
  const child = spawn(process.execPath, ["--import", "tsx", RUNNER], {
    env: {
      ...process.env,
      DATABASE_URL: url,
      REPLICA_ID: replica,
      TICK_AT: at.toISOString(),
      FAKE_URL: fakeUrl,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (d: Buffer) => {
    stdout += d.toString();
  });
  child.stderr?.on("data", (d: Buffer) => {
    stderr += d.toString();
  });
  const output = once(child, "exit").then(([code, signal]) => {
    if (code !== 0 && signal !== "SIGKILL") throw new Error(`${replica} exited ${code}: ${stderr}`);
    return stdout;
  });
  return { child, output };
}

describe("exactly once across separate processes, one killed mid-send", () => {
  let db: TestDatabase;
  let fake: ReturnType<typeof fakePlatform>;
  let fakeUrl: string;
  const slotOf = (minute: number) => new Date(CREATED.getTime() + minute * 60_000).toISOString();

  beforeAll(async () => {
    db = await createTestDatabase({ prefix: "kpi_sched_procs" });
    // The 15th of the 50 slots (in the order every replica works through them) is held.
    fake = fakePlatform(slotOf(15));
    fake.server.listen(0, "127.0.0.1");
    await once(fake.server, "listening");
    fakeUrl = `http://127.0.0.1:${(fake.server.address() as AddressInfo).port}/`;
    const botState = createBotStateDb(db.url, { connectionLimit: 1 });
    // 50 slots: 07:01 to 07:50 every minute (created 07:00, tick at 07:50), and no later ones that day.
    await addSubscription(
      botState,
      {
        target: parseTarget("slack:CPROC"),
        areas: "stock",
        schedule: scheduleFromCron("1-50 7 * * *", "UTC"),
        createdBy: "U1",
      },
      CREATED,
    );
    await botState.destroy();
  });
  afterAll(async () => {
    fake?.server.close();
    await db?.drop();
  });

  it("three replica processes send 49, the killed one's claim is re-sent once after the stale window: 50 in all", async () => {
    const replicas = ["proc-a", "proc-b", "proc-c"].map((name) => ({
      name,
      ...startRunner(db.url, name, AT, fakeUrl),
    }));
    const held = await waitFor(() => fake.held[0], "a replica to start sending the held slot", 30_000);
    const victim = replicas.find((r) => r.name === held.replica);
    expect(victim).toBeDefined();
    victim?.child.kill("SIGKILL");
    const outputs = await Promise.all(replicas.map((r) => r.output));
    expect(victim?.child.signalCode).toBe("SIGKILL");
    const survivors = outputs.filter((o) => o !== "").map((o) => JSON.parse(o) as { outcomes: unknown[] });
    expect(survivors).toHaveLength(2);

    expect(fake.accepted).toHaveLength(49);
    const [claim] = await rows(
      db.connection,
      "SELECT status, attempts, claimed_by FROM bot_deliveries WHERE slot_at = ?",
      [slotOf(15).replace("T", " ").replace("Z", "")],
    );
    expect(claim).toEqual({ status: "claimed", attempts: 1, claimed_by: held.replica });

    // A replica ticking after the stale window (10 min) takes the dead claim over and sends it.
    const later = startRunner(db.url, "proc-d", new Date(AT.getTime() + 11 * 60_000), fakeUrl);
    const report = JSON.parse(await later.output) as {
      outcomes: { status: string; attempts: number; slot: string }[];
    };
    expect(report.outcomes.map((o) => [o.status, o.attempts, o.slot])).toEqual([["sent", 2, slotOf(15)]]);

    const keys = fake.accepted.map((p) => p.slot);
    expect(keys).toHaveLength(50);
    expect(new Set(keys).size).toBe(50);
    const ledger = await rows(
      db.connection,
      "SELECT status, COUNT(*) AS n FROM bot_deliveries GROUP BY status",
    );
    expect(ledger).toEqual([{ status: "sent", n: 50 }]);
    const perReplica = new Map<string, number>();
    for (const p of fake.accepted) perReplica.set(p.replica, (perReplica.get(p.replica) ?? 0) + 1);
    console.info(
      `exactly-once processes: 50 slots, 3 processes + 1 after the kill, sends ${JSON.stringify([...perReplica])}`,
    );
  });
});
