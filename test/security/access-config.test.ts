/** How configuration reads the access policy and the limits (loadConfig, no server). */
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.js";
import { mayAsk } from "../../src/security/access-policy.js";
import { writePolicyFile } from "./policy-file.js";

const DATABASE_URL = "mysql://root@127.0.0.1:3306/kpi_config";
const problemsOf = (env: Record<string, string>) => {
  try {
    loadConfig({ DATABASE_URL, ...env });
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
};

describe("access and limits configuration", () => {
  it("reads ACCESS_POLICY_FILE into the chat config", () => {
    const config = loadConfig({ DATABASE_URL, ACCESS_POLICY_FILE: writePolicyFile() });
    expect(config.chat.access.source).toBe("kpi-access.yml");
    expect(mayAsk(config.chat.access, "traffic", { platform: "slack", channelId: "C1" })).toBe(false);
  });

  it("turns AREA_CHANNELS into the equivalent policy; neither means everything is open", () => {
    const shorthand = loadConfig({ DATABASE_URL, AREA_CHANNELS: "orders:C0FIN" }).chat.access;
    expect(shorthand.source).toBe("AREA_CHANNELS");
    expect(mayAsk(shorthand, "orders", { platform: "slack", channelId: "C0X" })).toBe(false);
    const open = loadConfig({ DATABASE_URL }).chat.access;
    expect(mayAsk(open, "orders", { platform: "teams", channelId: "x" })).toBe(true);
  });

  it("refuses both at once, a missing file, and a bad file with file:line and key", () => {
    expect(problemsOf({ AREA_CHANNELS: "orders:C1", ACCESS_POLICY_FILE: writePolicyFile() })).toEqual([
      "AREA_CHANNELS: set either AREA_CHANNELS or ACCESS_POLICY_FILE, not both",
    ]);
    expect(problemsOf({ ACCESS_POLICY_FILE: "/nonexistent/kpi-access.yml" })).toEqual([
      "ACCESS_POLICY_FILE: /nonexistent/kpi-access.yml: cannot read (ENOENT)",
    ]);
    const bad = writePolicyFile(
      "default: allow\nareas:\n  orders:\n    slack: { channels: [C1], user: [U1] }\n",
    );
    expect(problemsOf({ ACCESS_POLICY_FILE: bad })).toEqual([
      `ACCESS_POLICY_FILE: ${bad}:4 areas.orders.slack.user: unknown key`,
    ]);
  });

  it("reads the limits with their defaults", () => {
    expect(loadConfig({ DATABASE_URL }).security).toEqual({
      userPerMinute: 10,
      channelPerMinute: 30,
      maxConcurrentQueries: 8,
      admission: { maxActive: 16, maxWaiting: 100, maxWaitMs: 30_000 },
    });
    expect(problemsOf({ DB_MAX_CONCURRENT_QUERIES: "0" })[0]).toMatch(/^DB_MAX_CONCURRENT_QUERIES: /);
    expect(problemsOf({ CHAT_MAX_IN_PROGRESS: "0" })[0]).toMatch(/^CHAT_MAX_IN_PROGRESS: /);
    expect(problemsOf({ CHAT_MAX_WAIT_MS: "soon" })[0]).toMatch(/^CHAT_MAX_WAIT_MS: /);
  });
});
