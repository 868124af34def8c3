/**
 * The replay guard alone, on an injected wall clock: it verifies before it remembers, keys on
 * the numeric timestamp and the verified digest, keeps every key for the whole window, refuses
 * what is too old or too new, and when full refuses new requests instead of forgetting old ones.
 */
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { replayGuard } from "../../src/bot/slack/replay-guard.js";
import { createLogger } from "../../src/log.js";
import { slackSignature } from "../helpers/slack-requests.js";

const SECRET = "replay-guard-test-secret-0123456789";
const CAPACITY = 3;
let nowMs = 0;
let url = "";
const bodiesSeen: string[] = [];
let close: () => void = () => undefined;

beforeAll(async () => {
  const app = express();
  app.post(
    "/e",
    replayGuard({ signingSecret: SECRET, log: createLogger("silent"), now: () => nowMs, capacity: CAPACITY }),
  );
  app.post("/e", (req, res) => {
    bodiesSeen.push(String((req as { rawBody?: Buffer }).rawBody));
    res.status(200).send("handled");
  });
  await new Promise<void>((resolve) => {
    const server = app.listen(0, "127.0.0.1", () => {
      const address = server.address();
      url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}/e`;
      close = () => server.close();
      resolve();
    });
  });
});
afterAll(() => close());

let bodies = 0;
let held: ReturnType<typeof signed>[] = [];
/** A request signed at `timestamp` (seconds) with a body of its own. */
function signed(timestamp: number, body = `text=q${++bodies}`) {
  return { timestamp: String(timestamp), signature: slackSignature(SECRET, timestamp, body), body };
}

async function send(request: { timestamp?: string; signature?: string; body: string }) {
  const headers: Record<string, string> = { "content-type": "application/x-www-form-urlencoded" };
  if (request.timestamp !== undefined) headers["x-slack-request-timestamp"] = request.timestamp;
  if (request.signature !== undefined) headers["x-slack-signature"] = request.signature;
  const response = await fetch(url, { method: "POST", headers, body: request.body });
  return `${response.status} ${await response.text()}`.trim();
}

const at = (seconds: number) => {
  nowMs = seconds * 1000;
};

describe("the replay guard", () => {
  it("passes a verified request once, with its body, and ignores it for its whole window", async () => {
    at(1_000);
    const request = signed(1_000, "text=campaigns");
    expect(await send(request)).toBe("200 handled");
    expect(bodiesSeen.at(-1)).toBe("text=campaigns");
    expect(await send(request)).toBe("200");
    at(1_300); // the last second the signature check still accepts it
    expect(await send(request)).toBe("200");
    at(1_301);
    expect(await send(request)).toBe("401"); // too old: refused, not answered again
  });

  it("knows a re-spelled timestamp as the same request and refuses re-spelled signatures", async () => {
    at(2_000);
    const request = signed(2_000);
    expect(await send(request)).toBe("200 handled");
    expect(await send({ ...request, timestamp: `0${request.timestamp}` })).toBe("200");
    expect(await send({ ...request, timestamp: `000${request.timestamp}` })).toBe("200");
    for (const timestamp of [
      `+${request.timestamp}`,
      `${request.timestamp}.0`,
      `${request.timestamp}e0`,
      "0x7d0",
    ])
      expect(await send({ ...request, timestamp }), timestamp).toBe("401");
    for (const signature of [
      `${request.signature}=x`,
      request.signature.toUpperCase(),
      `v1${request.signature.slice(2)}`,
    ])
      expect(await send({ ...request, signature }), signature).toBe("401");
  });

  it("refuses unsigned, mis-signed, stale and future requests with 401", async () => {
    at(3_000);
    const before = bodiesSeen.length;
    expect(await send({ body: "text=x" })).toBe("401");
    expect(await send({ ...signed(3_000), signature: `v0=${"0".repeat(64)}` })).toBe("401");
    expect(await send({ ...signed(3_000, "text=a"), body: "text=b" })).toBe("401");
    expect(await send(signed(3_000 - 301))).toBe("401");
    expect(await send(signed(3_000 + 61))).toBe("401");
    expect(bodiesSeen.length).toBe(before);
    expect(await send(signed(3_000 + 60))).toBe("200 handled"); // a minute ahead is still fine
  });

  it("answers a body over Bolt's limit with 413, not a stack trace", async () => {
    at(4_000);
    expect(await send(signed(4_000, "x".repeat(4 * 1024 * 1024 + 1)))).toBe("413");
  });

  it("remembers nothing for requests it refuses: a flood of bad signatures leaves room for real ones", async () => {
    at(10_000); // everything earlier has left the window
    for (let i = 0; i < 10 * CAPACITY; i++)
      expect(await send({ ...signed(10_000), signature: `v0=${i.toString(16).padStart(64, "0")}` })).toBe(
        "401",
      );
    held = Array.from({ length: CAPACITY }, () => signed(10_000));
    for (const request of held) expect(await send(request)).toBe("200 handled");
    for (const request of held) expect(await send(request)).toBe("200");
  });

  it("when full, refuses a new request with 503 and still knows every one it holds", async () => {
    at(10_001); // the guard holds CAPACITY requests from the test before
    expect(await send(signed(10_001))).toBe("503");
    for (const request of held) expect(await send(request)).toBe("200");
    at(10_301); // those requests' timestamps have left the window: forgotten, room again
    expect(await send(signed(10_301))).toBe("200 handled");
  });
});
