/**
 * The access policy at delivery time (`kpi schedule tick`, the real Slack sender, a fake Web
 * API): a digest leaves out an area its channel may not see, with a problem line in its
 * place — even for a subscription made before the policy changed (or by an admin's CLI).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nextSlot } from "../../src/schedule/cron.js";
import { type DigestCli, startDigestCli } from "../helpers/digest-cli.js";
import { blockTexts } from "../helpers/slack-bot.js";
import { FINANCE_CHANNEL, writePolicyFile } from "./policy-file.js";

let cli: DigestCli;

beforeAll(async () => {
  cli = await startDigestCli("kpi_access_digest", { ACCESS_POLICY_FILE: writePolicyFile() });
});
afterAll(async () => cli?.close());

const subscribe = (channel: string, areas: string) => cli.subscribe(channel, areas, { period: "last-30d" });

const digestText = (channel: string) => {
  const posts = cli.posted(channel);
  expect(posts).toHaveLength(1);
  return blockTexts(posts[0]?.args.blocks).join("\n");
};

describe("a digest under the access policy", () => {
  it("leaves out an area its channel may not see, with a problem line; sends it where allowed", async () => {
    await subscribe("C0DIGEST", "campaigns,orders");
    await subscribe(FINANCE_CHANNEL, "campaigns,orders");
    const slot = nextSlot("0 9 * * *", "UTC", new Date()) as Date;
    const tick = await cli.tick(slot);
    expect(tick.code).toBe(0);
    expect(tick.stdout).toMatch(/: 2 sent, 0 retrying, 0 failed/);

    const outside = digestText("C0DIGEST");
    expect(outside).toContain(
      "*orders*: `orders` may not be sent to this channel (access policy); ask Finance (Ola).",
    );
    expect(outside).toContain("*Campaigns · last 30 days*");
    expect(outside).toContain("€37.00"); // the fixture's campaign spend in those 30 days
    expect(outside).not.toContain("*Orders · ");

    const finance = digestText(FINANCE_CHANNEL);
    expect(finance).not.toContain("may not be sent");
    expect(finance).toContain("*Orders · last 30 days*");
  });
});
