import { describe, expect, it } from "vitest";
import {
  defaultPeriodFor,
  describeSchedule,
  parseScheduleText,
  scheduleFromCron,
} from "../../src/schedule/schedule-phrase.js";
import { parseTarget } from "../helpers/targets.js";

describe("schedule phrases", () => {
  it.each([
    ["daily 09:00 Europe/Berlin", { kind: "daily", cron: "0 9 * * *", timeZone: "Europe/Berlin" }],
    ["daily 7:05", { kind: "daily", cron: "5 7 * * *", timeZone: "UTC" }],
    ["weekly mon 09:00", { kind: "weekly", cron: "0 9 * * 1", timeZone: "UTC" }],
    [
      "Weekly Sunday 18:30 America/New_York",
      { kind: "weekly", cron: "30 18 * * 0", timeZone: "America/New_York" },
    ],
    ["monthly 1 09:00 europe/berlin", { kind: "monthly", cron: "0 9 1 * *", timeZone: "Europe/Berlin" }],
    ["monthly 15th 06:00", { kind: "monthly", cron: "0 6 15 * *", timeZone: "UTC" }],
    ['cron "0 9 * * 1-5" Europe/Berlin', { kind: "cron", cron: "0 9 * * 1-5", timeZone: "Europe/Berlin" }],
    ["cron 0 9 * * 1-5", { kind: "cron", cron: "0 9 * * 1-5", timeZone: "UTC" }],
    ['cron "0  9 * * *"', { kind: "daily", cron: "0 9 * * *", timeZone: "UTC" }],
  ])("%s", (text, expected) => {
    expect(parseScheduleText(text, "UTC")).toEqual(expected);
  });

  it("default periods: daily → yesterday, weekly → last-7d, monthly → last-month, other cron → yesterday", () => {
    expect(defaultPeriodFor(parseScheduleText("daily 09:00", "UTC").kind)).toBe("yesterday");
    expect(defaultPeriodFor(parseScheduleText("weekly mon 09:00", "UTC").kind)).toBe("last-7d");
    expect(defaultPeriodFor(parseScheduleText("monthly 1 09:00", "UTC").kind)).toBe("last-month");
    expect(defaultPeriodFor(parseScheduleText('cron "0 9 * * 1-5"', "UTC").kind)).toBe("yesterday");
  });

  it("a cron from the CLI gets the kind it amounts to", () => {
    expect(scheduleFromCron("0 9 * * *", "Europe/Berlin").kind).toBe("daily");
    expect(scheduleFromCron("30 8 * * mon", "UTC").kind).toBe("weekly");
    expect(scheduleFromCron("0 6 1 * *", "UTC").kind).toBe("monthly");
    expect(scheduleFromCron("*/15 * * * *", "UTC").kind).toBe("cron");
  });

  it("reads back as written", () => {
    expect(describeSchedule(parseScheduleText("weekly mon 09:00 Europe/Berlin", "UTC"))).toBe(
      "weekly mon 09:00 Europe/Berlin",
    );
    expect(describeSchedule(parseScheduleText("monthly 1 7:30", "UTC"))).toBe("monthly 1 07:30 UTC");
    expect(describeSchedule(parseScheduleText('cron "0 9 * * 1-5"', "UTC"))).toBe('cron "0 9 * * 1-5" UTC');
  });

  it.each([
    ["hourly", /^Unknown schedule `hourly`\. Examples: daily 09:00 Europe\/Berlin, weekly mon 09:00/],
    ["daily", /^The schedule needs a time of day/],
    ["daily 9pm", /^Invalid time `9pm`: write the time as 24-hour HH:MM/],
    ["daily 24:00", /^Invalid time `24:00`/],
    ["weekly funday 09:00", /^Invalid day `funday`: weekly takes a day mon/],
    ["monthly 31 09:00", /^Invalid day of month `31`: monthly takes a day 1-28/],
    [
      "daily 09:00 Mars/Olympus",
      /^Unknown time zone `Mars\/Olympus`: use an IANA name such as Europe\/Berlin/,
    ],
    ["daily 09:00 Europe/Berlin extra", /^Unexpected `extra` after the time zone/],
    [
      'cron "0 9 * *"',
      /^Invalid cron expression `0 9 \* \*`: expected 5 fields.*Example: cron "0 9 \* \* 1-5"/,
    ],
    ['cron "0 25 * * *"', /hour 25 is out of range 0-23/],
  ])("%s → one-line error with an example", (text, message) => {
    let error: Error | undefined;
    try {
      parseScheduleText(text, "UTC");
    } catch (caught) {
      error = caught as Error;
    }
    expect(error?.name).toBe("UserError");
    expect(error?.message).toMatch(message);
    expect(error?.message).not.toContain("\n");
    expect(error?.message).toMatch(/e\.g\.|Example|such as/);
  });
});

describe("targets", () => {
  it("parses Slack channels and Teams conversations (whose ids contain colons)", () => {
    expect(parseTarget("slack:C0123ABC")).toEqual({ platform: "slack", id: "C0123ABC" });
    expect(parseTarget("teams:19:abc@thread.tacv2")).toEqual({
      platform: "teams",
      id: "19:abc@thread.tacv2",
    });
  });

  it.each(["C0123", "slack:", "discord:123", "slack:#general"])("rejects %s", (text) => {
    expect(() => parseTarget(text)).toThrow(/write slack:C0123ABC or teams:<conversation id>/);
  });
});
