import { describe, expect, it } from "vitest";
import { deliverySettingsFrom } from "../../src/app/scheduling.js";
import { ConfigError, loadConfig } from "../../src/config.js";

describe("schedule settings from the environment", () => {
  it("has the documented defaults", () => {
    const { schedule } = loadConfig({});
    expect(schedule).toEqual({
      catchUpMs: 6 * 3_600_000,
      staleMs: 10 * 60_000,
      maxAttempts: 5,
      alertChannel: undefined,
      alertMention: undefined,
      alertCheckMs: 15 * 60_000,
      adminChannel: undefined,
      replicaId: undefined,
      kpiAlertTime: "08:00",
      kpiAlertReminderMs: 24 * 3_600_000,
      digestConcurrency: 16,
    });
    expect(deliverySettingsFrom(schedule).adminTarget).toBeUndefined();
  });

  it("reads every setting; a bare Slack channel id is a Slack target", () => {
    const { schedule } = loadConfig({
      SCHEDULE_CATCHUP_HOURS: "2.5",
      DELIVERY_STALE_MINUTES: "3",
      DELIVERY_MAX_ATTEMPTS: "7",
      ALERT_CHANNEL: "C0STOCK",
      ALERT_MENTION: "<!subteam^S0123>",
      ALERT_CHECK_MINUTES: "5",
      ADMIN_CHANNEL: "teams:19:ops@thread.tacv2",
      SCHEDULE_REPLICA_ID: "pod-7",
      KPI_ALERT_TIME: "06:30",
      KPI_ALERT_REMINDER_HOURS: "0",
      DIGEST_CONCURRENCY: "4",
    });
    expect(schedule).toEqual({
      catchUpMs: 2.5 * 3_600_000,
      staleMs: 3 * 60_000,
      maxAttempts: 7,
      alertChannel: { platform: "slack", id: "C0STOCK" },
      alertMention: "<!subteam^S0123>",
      alertCheckMs: 5 * 60_000,
      adminChannel: { platform: "teams", id: "19:ops@thread.tacv2" },
      replicaId: "pod-7",
      kpiAlertTime: "06:30",
      kpiAlertReminderMs: 0,
      digestConcurrency: 4,
    });
    expect(deliverySettingsFrom(schedule).adminTarget).toEqual({
      platform: "teams",
      id: "19:ops@thread.tacv2",
    });
  });

  it("reports every bad key at once", () => {
    let problems: string[] = [];
    try {
      loadConfig({ DELIVERY_MAX_ATTEMPTS: "0", ALERT_CHANNEL: "#stock", SCHEDULE_CATCHUP_HOURS: "lots" });
    } catch (error) {
      if (error instanceof ConfigError) problems = error.problems;
    }
    expect(problems.map((p) => p.split(":")[0]).sort()).toEqual([
      "ALERT_CHANNEL",
      "DELIVERY_MAX_ATTEMPTS",
      "SCHEDULE_CATCHUP_HOURS",
    ]);
    expect(problems.find((p) => p.startsWith("ALERT_CHANNEL"))).toContain(
      "slack:C0123ABC or teams:<conversation id>",
    );
  });
});
