/**
 * With TEAMS_APP_ID/PASSWORD/TENANT_ID set, every request to /api/messages must carry a Bot
 * Framework JWT that the SDK validates; anything else is a prompt 401 and nothing runs or
 * is sent. Offline, even a well-formed token for our app id fails (its signing keys cannot
 * be fetched) — as a clean 401, not a hang or a 500.
 */
import { createSign, generateKeyPairSync } from "node:crypto";
import { once } from "node:events";
import type { AddressInfo } from "node:net";
import express from "express";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authorizeTeamsRequests } from "../../src/bot/teams/teams-auth.js";
import { messageActivity } from "../helpers/teams-activities.js";
import { startTeamsHarness, type TeamsHarness } from "../helpers/teams-harness.js";

const APP_ID = "0f8fad5b-d9cb-469f-a165-70867728950e";
let bot: TeamsHarness;

beforeAll(async () => {
  bot = await startTeamsHarness({
    // Never reached: a request that got past authentication would fail on this closed port.
    databaseUrl: "mysql://root@127.0.0.1:1/kpi_never_used",
    env: {
      TEAMS_ALLOW_ANONYMOUS: "",
      TEAMS_APP_ID: APP_ID,
      TEAMS_APP_PASSWORD: "app-password-never-used",
      TEAMS_TENANT_ID: "72f988bf-86f1-41af-91ab-2d7cd011db47",
    },
    channel: { authTimeoutMs: 5_000 },
  });
});

afterAll(async () => {
  await bot?.close();
});

/** An RS256 JWT signed with a key of our own (not one Microsoft publishes). */
function forgedToken(claims: Record<string, unknown>): string {
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const encode = (part: object) => Buffer.from(JSON.stringify(part)).toString("base64url");
  const now = Math.floor(Date.now() / 1000);
  const body = `${encode({ alg: "RS256", typ: "JWT", kid: "forged-key" })}.${encode({
    iss: "https://api.botframework.com",
    nbf: now - 60,
    exp: now + 3600,
    ...claims,
  })}`;
  const signature = createSign("RSA-SHA256").update(body).sign(privateKey).toString("base64url");
  return `${body}.${signature}`;
}

describe("authenticated mode", () => {
  it("says so at startup", () => {
    expect(bot.platform.description).toBe(`Teams at POST /api/messages, tokens validated for app ${APP_ID}`);
  });

  it.each([
    ["no Authorization header", {}],
    ["a malformed header", { authorization: "Bearer" }],
    ["another scheme", { authorization: "Basic dXNlcjpwYXNz" }],
    ["a token that is not a JWT", { authorization: "Bearer not-a-jwt" }],
    ["a JWT for another app", { authorization: `Bearer ${forgedToken({ aud: "another-app" })}` }],
    [
      "a forged JWT for our app (signing keys unreachable offline)",
      { authorization: `Bearer ${forgedToken({ aud: APP_ID, serviceurl: "http://127.0.0.1:9/" })}` },
    ],
  ])("refuses %s with 401, promptly", async (_name, headers) => {
    const started = performance.now();
    const response = await bot.post(
      messageActivity("campaigns last-30d", { serviceUrl: bot.connector.url }),
      headers as Record<string, string>,
    );
    expect(response.status).toBe(401);
    expect(performance.now() - started).toBeLessThan(6_000);
    expect(await response.json()).toEqual({ error: "unauthorized" });
  });

  it("ran nothing and sent nothing for any of them", () => {
    expect(bot.connector.calls).toEqual([]);
    const messages = bot.logs.map((line) => String(line.msg));
    expect(messages).not.toContain("chat request");
    expect(messages.filter((m) => m.startsWith("Teams request refused")).length).toBeGreaterThanOrEqual(6);
  });

  it("keeps the rest of the server up", async () => {
    const health = await fetch(`${bot.server.url}/healthz`);
    expect(await health.json()).toEqual({ ok: true, channels: ["teams"] });
  });

  it("does not log the token or the app password", () => {
    const text = JSON.stringify(bot.logs);
    expect(text).not.toContain("app-password-never-used");
    expect(text).not.toMatch(/eyJ[\w-]{20,}/);
  });
});

describe("the time limit on token validation", () => {
  it("answers 401 when validation hangs (signing keys that never arrive), and ignores its late result", async () => {
    const app = express();
    let release: () => void = () => undefined;
    const hanging = {
      authorizeRequest: (
        _req: unknown,
        res: { status(code: number): { send(body: unknown): unknown } },
        next: () => void,
      ) =>
        new Promise<void>((resolve) => {
          release = () => {
            next();
            res.status(200).send({ late: true });
            resolve();
          };
        }),
    };
    let reached = false;
    const log = pino({ level: "silent" });
    app.post(
      "/api/messages",
      authorizeTeamsRequests(hanging as never, { log, timeoutMs: 200 }),
      (_req, res) => {
        reached = true;
        res.json({ ok: true });
      },
    );
    const server = app.listen(0, "127.0.0.1");
    await once(server, "listening");
    try {
      const { port } = server.address() as AddressInfo;
      const started = performance.now();
      const response = await fetch(`http://127.0.0.1:${port}/api/messages`, { method: "POST" });
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ error: "unauthorized" });
      expect(performance.now() - started).toBeLessThan(2_000);
      release();
      await new Promise((resolve) => setImmediate(resolve));
      expect(reached).toBe(false);
    } finally {
      server.close();
    }
  });
});
