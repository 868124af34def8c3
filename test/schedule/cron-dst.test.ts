import { describe, expect, it } from "vitest";
import { slotsBetween } from "../../src/schedule/cron.js";

const iso = (dates: readonly Date[]) => dates.map((d) => d.toISOString());
const between = (expr: string, tz: string, from: string, to: string) =>
  iso(slotsBetween(expr, tz, new Date(from), new Date(to)));

describe("slotsBetween across the 2026 DST switch days: exactly once per day at the right UTC instant", () => {
  // Each row: zone, schedule, the three days around a switch, and the expected UTC instants.
  it.each([
    // Europe/Berlin springs forward on Mar 29 at 02:00 CET → 03:00 CEST.
    [
      "Europe/Berlin",
      "0 9 * * *",
      "2026-03-28",
      ["2026-03-28T08:00:00.000Z", "2026-03-29T07:00:00.000Z", "2026-03-30T07:00:00.000Z"],
    ],
    // 02:30 does not exist on Mar 29: it fires once, shifted by the gap, at 03:30 CEST (01:30Z).
    [
      "Europe/Berlin",
      "30 2 * * *",
      "2026-03-28",
      ["2026-03-28T01:30:00.000Z", "2026-03-29T01:30:00.000Z", "2026-03-30T00:30:00.000Z"],
    ],
    // Europe/Berlin falls back on Oct 25 at 03:00 CEST → 02:00 CET.
    [
      "Europe/Berlin",
      "0 9 * * *",
      "2026-10-24",
      ["2026-10-24T07:00:00.000Z", "2026-10-25T08:00:00.000Z", "2026-10-26T08:00:00.000Z"],
    ],
    // 02:30 happens twice on Oct 25: it fires once, at the first (CEST, 00:30Z), never at 01:30Z.
    [
      "Europe/Berlin",
      "30 2 * * *",
      "2026-10-24",
      ["2026-10-24T00:30:00.000Z", "2026-10-25T00:30:00.000Z", "2026-10-26T01:30:00.000Z"],
    ],
    // America/New_York springs forward on Mar 8 at 02:00 EST → 03:00 EDT.
    [
      "America/New_York",
      "0 9 * * *",
      "2026-03-07",
      ["2026-03-07T14:00:00.000Z", "2026-03-08T13:00:00.000Z", "2026-03-09T13:00:00.000Z"],
    ],
    // 02:30 does not exist on Mar 8: 03:30 EDT = 07:30Z.
    [
      "America/New_York",
      "30 2 * * *",
      "2026-03-07",
      ["2026-03-07T07:30:00.000Z", "2026-03-08T07:30:00.000Z", "2026-03-09T06:30:00.000Z"],
    ],
    // America/New_York falls back on Nov 1 at 02:00 EDT → 01:00 EST.
    [
      "America/New_York",
      "0 9 * * *",
      "2026-10-31",
      ["2026-10-31T13:00:00.000Z", "2026-11-01T14:00:00.000Z", "2026-11-02T14:00:00.000Z"],
    ],
    // In New York the repeated hour is 01:00-02:00, so 02:30 on Nov 1 exists once (EST).
    [
      "America/New_York",
      "30 2 * * *",
      "2026-10-31",
      ["2026-10-31T06:30:00.000Z", "2026-11-01T07:30:00.000Z", "2026-11-02T07:30:00.000Z"],
    ],
    // ...and 01:30 is the ambiguous one: first occurrence, EDT (05:30Z), not EST (06:30Z).
    [
      "America/New_York",
      "30 1 * * *",
      "2026-10-31",
      ["2026-10-31T05:30:00.000Z", "2026-11-01T05:30:00.000Z", "2026-11-02T06:30:00.000Z"],
    ],
  ] as const)("%s %s from %s", (tz, expr, firstDay, expected) => {
    // Three local days: from 00:00Z (Berlin) or 05:00Z (New York) of the first day, for 72 hours.
    const start = Date.parse(`${firstDay}T00:00:00Z`) + (tz === "America/New_York" ? 5 : 0) * 3_600_000;
    const from = new Date(start);
    const to = new Date(start + 3 * 86_400_000);
    expect(iso(slotsBetween(expr, tz, from, to))).toEqual(expected);
  });

  it("an hourly schedule has 23 slots on the spring day and 25 on the fall day, none twice", () => {
    const spring = slotsBetween(
      "0 * * * *",
      "Europe/Berlin",
      new Date("2026-03-28T23:00:00Z"),
      new Date("2026-03-29T22:00:00Z"),
    );
    expect(spring).toHaveLength(23);
    // Fall back: wall 02:00 exists twice but fires once, so 24 wall hours → 24 slots over 25 real hours.
    const fall = slotsBetween(
      "0 * * * *",
      "Europe/Berlin",
      new Date("2026-10-24T22:00:00Z"),
      new Date("2026-10-25T23:00:00Z"),
    );
    expect(fall).toHaveLength(24);
    expect(new Set(iso(fall)).size).toBe(24);
    expect(iso(fall)).not.toContain("2026-10-25T01:00:00.000Z");
  });

  it("every 15 minutes through the repeated hour fires each wall time once (first occurrence)", () => {
    expect(between("*/15 * * * *", "Europe/Berlin", "2026-10-25T00:30:00Z", "2026-10-25T02:15:00Z")).toEqual([
      "2026-10-25T00:45:00.000Z",
      "2026-10-25T02:00:00.000Z",
      "2026-10-25T02:15:00.000Z",
    ]);
  });
});
