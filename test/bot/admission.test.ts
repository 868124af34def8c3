/** Admission control on its own: places, turns in order, waits that run out, closing and draining. */
import pino from "pino";
import { describe, expect, it } from "vitest";
import { BUSY_TEXT, CLOSING_TEXT, createAdmission, type Ticket } from "../../src/bot/admission.js";

const log = pino({ level: "silent" });

function gate() {
  let open: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { open, opened };
}

describe("admission", () => {
  it("admits maxActive + maxWaiting, sheds the rest, and runs the waiting in order as places free", async () => {
    const admission = createAdmission({ maxActive: 2, maxWaiting: 2, maxWaitMs: 60_000 }, log);
    const tickets = Array.from({ length: 6 }, () => admission.enter());
    expect(tickets.map((t) => t !== undefined)).toEqual([true, true, true, true, false, false]);
    expect(admission.refusal()).toBe(BUSY_TEXT);
    expect(admission.stats()).toEqual({ active: 2, waiting: 2, admitted: 4, shed: 2 });

    const order: number[] = [];
    const gates = tickets.slice(0, 4).map(() => gate());
    const runs = (tickets.slice(0, 4) as Ticket[]).map((ticket, i) =>
      ticket.run(async () => {
        order.push(i);
        await gates[i]?.opened;
      }),
    );
    await new Promise((resolve) => setImmediate(resolve));
    expect(order).toEqual([0, 1]);
    gates[1]?.open();
    await runs[1];
    expect(order).toEqual([0, 1, 2]);
    for (const g of gates) g.open();
    expect(await Promise.all(runs)).toEqual([true, true, true, true]);
    expect(order).toEqual([0, 1, 2, 3]);
    expect(admission.stats()).toMatchObject({ active: 0, waiting: 0 });
  });

  it("a wait past maxWaitMs gives up without running the work, and the place is freed", async () => {
    const admission = createAdmission({ maxActive: 1, maxWaiting: 1, maxWaitMs: 30 }, log);
    const first = admission.enter() as Ticket;
    const second = admission.enter() as Ticket;
    const blocker = gate();
    const running = first.run(() => blocker.opened);
    let ran = false;
    expect(
      await second.run(async () => {
        ran = true;
      }),
    ).toBe(false);
    expect(ran).toBe(false);
    expect(admission.stats()).toMatchObject({ active: 1, waiting: 0, shed: 1 });
    expect(admission.enter()).toBeDefined(); // the waiting place is free again
    blocker.open();
    await running;
  });

  it("a cancelled ticket gives its place back", () => {
    const admission = createAdmission({ maxActive: 1, maxWaiting: 0, maxWaitMs: 1_000 }, log);
    const ticket = admission.enter() as Ticket;
    expect(admission.enter()).toBeUndefined();
    ticket.cancel();
    expect(admission.enter()).toBeDefined();
  });

  it("closing sheds everything new with the restart line; idle waits for the work admitted", async () => {
    const admission = createAdmission({ maxActive: 4, maxWaiting: 4, maxWaitMs: 1_000 }, log);
    const blocker = gate();
    const running = (admission.enter() as Ticket).run(() => blocker.opened);
    admission.close();
    expect(admission.enter()).toBeUndefined();
    expect(admission.refusal()).toBe(CLOSING_TEXT);
    expect(await admission.idle(20)).toBe(false);
    const idle = admission.idle(10_000);
    blocker.open();
    await running;
    expect(await idle).toBe(true);
  });

  it("sheds at once when, at the pace requests finish, the turn would come after half of maxWaitMs", async () => {
    let now = 0;
    const admission = createAdmission({ maxActive: 1, maxWaiting: 100, maxWaitMs: 500 }, log, () => now);
    // 32 requests finishing 100 ms apart: the pace is one every 100 ms.
    for (let i = 0; i < 32; i++) {
      await (admission.enter() as Ticket).run(async () => {
        now += 100;
      });
    }
    const blocker = gate();
    const running = (admission.enter() as Ticket).run(() => blocker.opened);
    const waiting = [admission.enter(), admission.enter(), admission.enter()];
    // First in line: ~100 ms; second: ~200 ms; third: ~300 ms, more than half of 500 ms: told at once.
    expect(waiting.map((t) => t !== undefined)).toEqual([true, true, false]);
    // After a quiet spell the old pace is not held against anyone.
    now += 10_000;
    expect(admission.enter()).toBeDefined();
    for (const ticket of waiting) ticket?.cancel();
    blocker.open();
    await running;
  });
});
