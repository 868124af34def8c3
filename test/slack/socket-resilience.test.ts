/**
 * Socket Mode when the connection misbehaves, with real `kpi serve` processes against the fake
 * Slack's Socket Mode: a socket dropped mid-answer (the answer still arrives, /readyz says the
 * socket is down, the bot reconnects within 10 s); Slack's `disconnect` with refresh_requested
 * (nothing sent meanwhile is lost, nothing is answered twice) and with link_disabled (down
 * until Slack takes connections again); a replica killed before its ack (the envelope comes
 * again with retry_attempt 1 to the restarted bot and is answered once) or after answering
 * with its ack lost (not answered again); and two replicas connected at once (each gets
 * envelopes, every question is answered exactly once, a re-delivery to the other replica too;
 * one told to stop closes its socket at once and the other takes the new envelopes).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeSlack, startFakeSlack } from "../helpers/fake-slack.js";
import { createFixtureDatabase } from "../helpers/slack-bot.js";
import {
  ackOf,
  type SocketServe,
  socketCommand,
  socketMention,
  startSocketServe,
} from "../helpers/socket-serve.js";
import type { TestDatabase } from "../helpers/test-database.js";
import { waitFor } from "../helpers/wait-for.js";
import { waitForAsync } from "../schedule/wait-for-async.js";

/** The bound: the Socket Mode client waits 5 s before it reconnects, then connects in milliseconds. */
const RECONNECT_LIMIT_MS = 10_000;
const QUESTION = "campaigns 2026-10-27..2026-11-25";
/** The replicas' shutdown grace period: a stopping replica's socket must close well within it. */
const GRACE_MS = 15_000;

let db: TestDatabase;
const fakes: FakeSlack[] = [];
const serves: SocketServe[] = [];

beforeAll(async () => {
  db = await createFixtureDatabase("kpi_socket_resilience");
});
afterAll(async () => {
  await Promise.all(serves.map((s) => s.stop()));
  await Promise.all(fakes.map((f) => f.close()));
  await db?.drop();
});

async function newFake(): Promise<FakeSlack> {
  const fake = await startFakeSlack();
  fakes.push(fake);
  return fake;
}

async function serveOn(fake: FakeSlack, env: Record<string, string> = {}): Promise<SocketServe> {
  const serve = await startSocketServe(fake, db.url, env);
  serves.push(serve);
  return serve;
}

const postsTo = (fake: FakeSlack, channel: string) =>
  fake.ok("chat.postMessage").filter((c) => c.args.channel === channel);

describe("Socket Mode: the connection comes and goes", () => {
  let fake: FakeSlack;
  let serve: SocketServe;
  beforeAll(async () => {
    fake = await newFake();
    serve = await serveOn(fake);
  });

  it("the socket dropped mid-answer: the answer is delivered, /readyz says down, the bot reconnects within 10 s", async () => {
    const socket = fake.socketMode();
    let droppedAt = 0;
    const seen: unknown[] = [];
    let polling = true;
    fake.onNextCall("chat.postMessage", () => {
      droppedAt = Date.now();
      socket.drop();
      // What /readyz says from the drop until the socket is back.
      void (async () => {
        while (polling) {
          const ready = await serve.readyz();
          seen.push(ready.body);
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      })();
    });
    const sent = socketCommand(fake, QUESTION, { channelId: "C0DROP", userId: "U0DROP" });
    await ackOf(sent);
    await waitFor(() => serve.delivered("C0DROP") === 1, "the answer", 30_000);
    expect(postsTo(fake, "C0DROP")).toHaveLength(1);
    expect(fake.ok("files.completeUploadExternal").some((c) => c.args.channel_id === "C0DROP")).toBe(true);

    const second = await waitFor(
      () => socket.open()[0]?.id === 2 && socket.open()[0],
      "the reconnection",
      30_000,
    );
    expect(second.openedAt - droppedAt).toBeLessThan(RECONNECT_LIMIT_MS);
    await waitForAsync(async () => (await serve.readyz()).status === 200, "ready again");
    polling = false;
    expect(seen).toContainEqual({
      ready: false,
      problems: { slack: "the Socket Mode connection is down (reconnecting)" },
      connections: { slack: { mode: "socket", state: "reconnecting", connects: 1 } },
    });
    expect(serve.stderr()).toContain("Slack Socket Mode connection lost: reconnecting");

    const after = socketCommand(fake, QUESTION, { channelId: "C0DROP2", userId: "U0DROP" });
    expect((await ackOf(after)).connection).toBe(2);
    await waitFor(() => serve.delivered("C0DROP2") === 1, "the answer after reconnecting", 30_000);
    expect((await serve.readyz()).body.connections).toEqual({
      slack: { mode: "socket", state: "connected", connects: 2 },
    });
  });

  it("disconnect (refresh_requested): an envelope left unacked and one sent meanwhile are each answered once", async () => {
    const socket = fake.socketMode();
    const [old] = socket.open();
    if (!old) throw new Error("not connected");
    // Answered, but its ack never reaches Slack: it comes again on the next connection.
    socket.loseAcks(1);
    const unacked = socketCommand(fake, QUESTION, { channelId: "C0REFRESH1", userId: "U0REFRESH" });
    await waitFor(() => serve.delivered("C0REFRESH1") === 1, "the first answer", 30_000);
    socket.disconnect("refresh_requested");
    const meanwhile = socketCommand(fake, QUESTION, { channelId: "C0REFRESH2", userId: "U0REFRESH" });
    expect(meanwhile.attempts).toEqual([]); // no connection takes envelopes until the new one says hello

    const ack = await ackOf(meanwhile, 30_000);
    expect(ack.connection).toBeGreaterThan(old.id);
    await ackOf(unacked, 30_000);
    expect(unacked.attempts.map((a) => [a.connection, a.retryAttempt])).toEqual([
      [old.id, 0],
      [ack.connection, 1],
    ]);
    await waitFor(() => serve.delivered("C0REFRESH2") === 1, "the answer to the one sent meanwhile", 30_000);
    await waitFor(() => serve.stderr().includes("Slack re-delivery ignored"), "the re-delivery to be seen");
    expect(postsTo(fake, "C0REFRESH1")).toHaveLength(1);
    expect(postsTo(fake, "C0REFRESH2")).toHaveLength(1);
    expect(old.closed).toBe(true);
  });

  it("disconnect (link_disabled): /readyz reports the socket down until Slack takes connections again", async () => {
    const socket = fake.socketMode();
    const before = socket.connections.length;
    socket.disconnect("link_disabled");
    const down = await waitForAsync(async () => {
      const ready = await serve.readyz();
      return ready.status === 503 && ready;
    }, "readiness to fail");
    expect(down.body).toMatchObject({
      ready: false,
      problems: { slack: "the Socket Mode connection is down (reconnecting)" },
      connections: { slack: { state: "reconnecting" } },
    });
    await waitFor(
      () => fake.attempts("apps.connections.open").some((c) => c.error === "socket_mode_disabled"),
      "a refused reconnection",
      30_000,
    );
    expect(socket.connections).toHaveLength(before);
    socket.enable();
    await waitFor(() => socket.open().length === 1, "the reconnection once enabled", 60_000);
    await waitForAsync(async () => (await serve.readyz()).status === 200, "ready again");
    expect(serve.child.exitCode).toBeNull();
  });
});

describe("Socket Mode: replicas and restarts", () => {
  it("killed before its ack: the envelope comes again (retry_attempt 1) to the restarted bot and is answered once", async () => {
    const fake = await newFake();
    const socket = fake.socketMode();
    const first = await serveOn(fake);
    // Answered, then killed before its ack reached Slack (lost on the way).
    socket.loseAcks(1);
    const answered = socketCommand(fake, QUESTION, { channelId: "C0KILL1", userId: "U0KILL" });
    await waitFor(() => first.delivered("C0KILL1") === 1, "the answer", 30_000);
    first.child.kill("SIGKILL");
    await first.exited();
    expect(answered.ack).toBeUndefined();

    const second = await serveOn(fake);
    await ackOf(answered, 30_000);
    expect(answered.attempts.map((a) => a.retryAttempt)).toEqual([0, 1]);
    await waitFor(() => second.stderr().includes("Slack re-delivery ignored"), "the re-delivery to be seen");
    expect(postsTo(fake, "C0KILL1")).toHaveLength(1);

    // Stopped before it could read the envelope, then killed: nothing was done, nothing acked.
    second.child.kill("SIGSTOP");
    const lost = socketMention(fake, QUESTION, {
      channelId: "C0KILL2",
      userId: "U0KILL",
      ts: "1790000010.000100",
    });
    expect(lost.attempts).toHaveLength(1);
    second.child.kill("SIGKILL");
    await second.exited();
    expect(lost.ack).toBeUndefined();

    const third = await serveOn(fake);
    await ackOf(lost, 30_000);
    expect(lost.attempts.map((a) => a.retryAttempt)).toEqual([0, 1]);
    await waitFor(() => third.delivered("C0KILL2") === 1, "the answer after the restart", 30_000);
    expect(postsTo(fake, "C0KILL2").map((c) => c.args.thread_ts)).toEqual(["1790000010.000100"]);
    expect(third.stderr()).not.toContain("Slack re-delivery ignored");
  });

  it("two replicas connected at once: each gets envelopes, every question is answered exactly once", async () => {
    const fake = await newFake();
    const socket = fake.socketMode();
    const env = { SHUTDOWN_GRACE_MS: String(GRACE_MS) };
    const replicas = [await serveOn(fake, env), await serveOn(fake, env)];
    expect(socket.open()).toHaveLength(2);
    const channels = Array.from({ length: 8 }, (_, i) => `C0PAIR${i}`);
    const sent = channels.map((channelId, i) =>
      socketCommand(fake, QUESTION, { channelId, userId: `U0PAIR${i}` }),
    );
    const acks = await Promise.all(sent.map((s) => ackOf(s)));
    const perConnection = new Map<number, number>();
    for (const ack of acks) perConnection.set(ack.connection, (perConnection.get(ack.connection) ?? 0) + 1);
    expect([...perConnection.values()]).toEqual([4, 4]);
    const answers = (channel: string) => replicas.reduce((n, r) => n + r.delivered(channel), 0);
    await waitFor(() => channels.every((c) => answers(c) === 1), "every answer", 60_000);
    for (const replica of replicas) expect(channels.some((c) => replica.delivered(c) === 1)).toBe(true);
    for (const channel of channels) expect(postsTo(fake, channel)).toHaveLength(1);

    // Answered by one replica whose ack was lost and whose socket then dropped: the other gets it again.
    socket.loseAcks(1);
    const moved = socketCommand(fake, QUESTION, { channelId: "C0PAIRMOVED", userId: "U0PAIRMOVED" });
    await waitFor(() => answers("C0PAIRMOVED") === 1, "the answer", 30_000);
    const [firstAttempt] = moved.attempts;
    socket.drop(socket.connections.filter((c) => c.id === firstAttempt?.connection));
    const ack = await ackOf(moved);
    expect(ack.connection).not.toBe(firstAttempt?.connection);
    const other = replicas.find((r) => r.delivered("C0PAIRMOVED") === 0);
    await waitFor(() => other?.stderr().includes("Slack re-delivery ignored"), "the re-delivery to be seen");
    expect(postsTo(fake, "C0PAIRMOVED")).toHaveLength(1);

    // SIGTERM to the replica answering a question (its message held by Slack): it closes its socket
    // at once, well within its grace period, so Slack sends new envelopes to the other replica.
    await waitFor(() => socket.open().length === 2, "both replicas connected", 30_000);
    fake.hold("chat.postMessage");
    socketCommand(fake, QUESTION, { channelId: "C0PAIRHELD", userId: "U0PAIRHELD" });
    await waitFor(() => fake.held.length === 1, "the held answer", 30_000);
    const stopping = replicas.find((r) => r.stderr().includes('"channel":"C0PAIRHELD"')) as SocketServe;
    const staying = replicas.find((r) => r !== stopping) as SocketServe;
    stopping.child.kill("SIGTERM");
    await waitFor(() => socket.open().length === 1, "the stopping replica's socket to close", GRACE_MS / 3);
    expect(stopping.child.exitCode).toBeNull(); // still finishing its answer
    const later = socketCommand(fake, QUESTION, { channelId: "C0PAIRLATER", userId: "U0PAIRLATER" });
    await ackOf(later);
    await waitFor(() => staying.delivered("C0PAIRLATER") === 1, "the other replica's answer", 30_000);
    expect(await stopping.exited()).toBe(0);
    expect(fake.responses.filter((r) => String(r.body.text).includes("restarting"))).toEqual([]);
  });
});
