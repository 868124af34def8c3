/** The replay guard alone: the 5-minute window on an injected clock, and its bounded size. */
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { replayGuard } from "../../src/bot/slack/replay-guard.js";
import { createLogger } from "../../src/log.js";

let now = 0;
let url = "";
let passed = 0;
let close: () => void = () => undefined;

beforeAll(async () => {
  const app = express();
  app.post("/e", replayGuard({ log: createLogger("silent"), monotonic: () => now, maxEntries: 3 }));
  app.post("/e", (_req, res) => {
    passed++;
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

const send = async (timestamp: string, signature = `v0=${timestamp}`) => {
  const response = await fetch(url, {
    method: "POST",
    headers: { "x-slack-request-timestamp": timestamp, "x-slack-signature": signature },
  });
  return response.text();
};

describe("the replay guard", () => {
  it("passes a request once within 5 minutes, and again after", async () => {
    expect(await send("100")).toBe("handled");
    now = 299_999;
    expect(await send("100")).toBe("");
    now = 300_001;
    expect(await send("100")).toBe("handled");
  });

  it("keeps at most maxEntries keys (the oldest go first)", async () => {
    now = 400_000;
    for (const ts of ["1", "2", "3", "4"]) expect(await send(ts)).toBe("handled");
    expect(await send("1")).toBe("handled"); // forgotten: over the bound
    expect(await send("4")).toBe("");
  });

  it("lets unsigned requests through to the receiver (which refuses them)", async () => {
    const before = passed;
    await fetch(url, { method: "POST" });
    await fetch(url, { method: "POST" });
    expect(passed).toBe(before + 2);
  });
});
