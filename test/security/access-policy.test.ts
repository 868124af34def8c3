/** The access policy: its file format (errors name file, line and key) and its decisions. */
import { describe, expect, it } from "vitest";
import { policyKeysOf } from "../../src/bot/chat-platform.js";
import { PLATFORMS } from "../../src/bot/platforms.js";
import {
  accessRefusal,
  deliveryRefusal,
  mayAsk,
  policyFromAreaChannels,
} from "../../src/security/access-policy.js";
import {
  AccessPolicyError,
  parseAccessPolicy as parseWithKeys,
} from "../../src/security/access-policy-file.js";

const KEYS = policyKeysOf(PLATFORMS);
const parseAccessPolicy = (text: string, file: string) => parseWithKeys(text, file, KEYS);

const POLICY = `
default: deny
contact: "#kpi-admins (Dana)"
areas:
  orders:
    slack:
      channels: [C0FINANCE]
      users: [U0CFO]
    teams:
      teams: ["19:team@thread.tacv2"]
      conversations: ["19:fin@thread.tacv2"]
    contact: "Finance (Ola)"
  campaigns:
    slack: { channels: ["*"] }
  users:
`;

const problems = (text: string) => {
  try {
    parseAccessPolicy(text, "kpi-access.yml");
  } catch (error) {
    if (error instanceof AccessPolicyError) return error.problems;
    throw error;
  }
  return [];
};

describe("the access policy", () => {
  const policy = parseAccessPolicy(POLICY, "kpi-access.yml");

  it("allows a listed area only where a rule matches, per platform", () => {
    expect(mayAsk(policy, "orders", { platform: "slack", channelId: "C0FINANCE", userId: "U1" })).toBe(true);
    expect(mayAsk(policy, "orders", { platform: "slack", channelId: "C0OTHER", userId: "U0CFO" })).toBe(true);
    expect(mayAsk(policy, "orders", { platform: "slack", channelId: "C0OTHER", userId: "U1" })).toBe(false);
    expect(mayAsk(policy, "orders", { platform: "teams", channelId: "C0FINANCE" })).toBe(false);
    expect(mayAsk(policy, "orders", { platform: "teams", channelId: "19:fin@thread.tacv2" })).toBe(true);
    expect(
      mayAsk(policy, "orders", { platform: "teams", channelId: "x", teamId: "19:team@thread.tacv2" }),
    ).toBe(true);
    expect(mayAsk(policy, "campaigns", { platform: "slack", channelId: "C0ANY" })).toBe(true);
    expect(mayAsk(policy, "campaigns", { platform: "teams", channelId: "C0ANY" })).toBe(false);
  });

  it("an empty area entry allows no one; an unlisted area follows the default", () => {
    expect(mayAsk(policy, "users", { platform: "slack", channelId: "C0FINANCE", userId: "U0CFO" })).toBe(
      false,
    );
    expect(mayAsk(policy, "traffic", { platform: "slack", channelId: "C0FINANCE" })).toBe(false);
    const open = parseAccessPolicy("default: allow\n", "p.yml");
    expect(mayAsk(open, "traffic", { platform: "teams", channelId: "x" })).toBe(true);
  });

  it("refusals say whom to ask: the area's contact, else the policy's", () => {
    const asker = { platform: "slack" as const, channelId: "C0X", userId: "U1" };
    expect(accessRefusal(policy, "orders", asker)).toBe(
      "`orders` is not available to you here. To get access, ask Finance (Ola).",
    );
    expect(accessRefusal(policy, "traffic", asker)).toContain("ask #kpi-admins (Dana)");
    expect(deliveryRefusal(policy, "users", asker)).toContain("may not be sent to this channel");
    expect(accessRefusal(policy, "orders", { ...asker, channelId: "C0FINANCE" })).toBeUndefined();
  });

  it("AREA_CHANNELS is the same as a policy with default allow and those channels on both platforms", () => {
    const shorthand = policyFromAreaChannels(new Map([["orders", ["C0FINANCE"]]]), KEYS);
    expect(mayAsk(shorthand, "orders", { platform: "slack", channelId: "C0FINANCE" })).toBe(true);
    expect(mayAsk(shorthand, "orders", { platform: "teams", channelId: "C0FINANCE" })).toBe(true);
    expect(mayAsk(shorthand, "orders", { platform: "slack", channelId: "C0OTHER" })).toBe(false);
    expect(mayAsk(shorthand, "traffic", { platform: "slack", channelId: "C0OTHER" })).toBe(true);
  });

  it("errors name the file, the line and the key", () => {
    expect(problems("default: maybe\n")).toEqual([
      expect.stringMatching(/^kpi-access\.yml:1 default: Invalid option/),
    ]);
    expect(problems("default: allow\nareas:\n  order:\n    slack: {channels: [C1]}\n")).toEqual([
      expect.stringMatching(/^kpi-access\.yml:3 areas\.order: not an area \(one of users, /),
    ]);
    expect(problems("default: allow\nareas:\n  orders:\n    slack:\n      channel: [C1]\n")).toEqual([
      expect.stringMatching(/^kpi-access\.yml:5 areas\.orders\.slack\.channel: unknown key/),
    ]);
    expect(problems("default: allow\nareas:\n  orders:\n    slack:\n      channels: C1\n")).toEqual([
      expect.stringMatching(/^kpi-access\.yml:5 areas\.orders\.slack\.channels: /),
    ]);
    expect(problems("areas: [\n")[0]).toMatch(/^kpi-access\.yml:\d+: /);
    expect(problems("contact: x\n")).toEqual([expect.stringMatching(/^kpi-access\.yml:1 default: /)]);
  });
});
