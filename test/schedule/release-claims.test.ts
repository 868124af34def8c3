import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BotStateDb, createBotStateDb } from "../../src/db/bot-state/bot-state-db.js";
import { claimSlot, markPosting, releaseClaims, takeOver } from "../../src/schedule/delivery-ledger.js";
import { dueRetries } from "../../src/schedule/delivery-queries.js";
import { scheduleFromCron } from "../../src/schedule/schedule-phrase.js";
import { addSubscription } from "../../src/schedule/subscription-store.js";
import { parseTarget } from "../helpers/targets.js";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database.js";

const AT = new Date("2026-11-25T08:00:00.000Z");
let db: TestDatabase;
let state: BotStateDb;

beforeAll(async () => {
  db = await createTestDatabase({ prefix: "kpi_release" });
  state = createBotStateDb(db.url, { connectionLimit: 1 });
});
afterAll(async () => {
  await state?.destroy();
  await db?.drop();
});

describe("releaseClaims (shutdown)", () => {
  it("hands this replica's claims to the next replica at once, remembering that a post had started", async () => {
    const add = (channel: string) =>
      addSubscription(
        state,
        {
          target: parseTarget(`slack:${channel}`),
          areas: "stock",
          schedule: scheduleFromCron("0 8 * * *", "UTC"),
          createdBy: "U1",
        },
        new Date(AT.getTime() - 3_600_000),
      );
    const [mine, other] = [await add("C1"), await add("C2")];
    const claim = await claimSlot(state, mine.id, AT, "replica-a", AT);
    await claimSlot(state, other.id, AT, "replica-b", AT);
    expect(claim && (await markPosting(state, claim, AT))).toBe(true);

    expect(await releaseClaims(state, "replica-a", AT)).toBe(1);
    const [released, ...rest] = await dueRetries(state, AT);
    expect(rest).toEqual([]);
    expect(released).toMatchObject({ subscriptionId: mine.id, status: "retrying", postStartedAt: AT });
    const next = released && (await takeOver(state, released, "replica-b", AT, 600_000));
    expect(next).toMatchObject({ attempts: 2, replicaId: "replica-b", postStartedAt: AT });
  });
});
