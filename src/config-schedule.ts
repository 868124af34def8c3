/**
 * Digest and low-stock alert settings, as src/config.ts reads them (DESIGN.md "Scheduling
 * and alerts"). Targets are written `<platform>:<id>` (`slack:C0123ABC`, `teams:<conversation
 * id>`), checked by the platforms' own rules; a bare Slack channel id reads as `slack:…`.
 */
import { z } from "zod";
import { DELIVERY_CONCURRENCY } from "./schedule/fan-out.js";
import type { Target, TargetParser } from "./schedule/target.js";

export interface ScheduleConfig {
  /** Slots missed by at most this long are still sent on start; older ones are recorded skipped. */
  readonly catchUpMs: number;
  /** A claimed delivery whose owner has not finished it after this long is taken over. */
  readonly staleMs: number;
  /** Send attempts per delivery (first try included) before it is recorded failed. */
  readonly maxAttempts: number;
  /** Where low-stock alerts go; alerts are off when unset. */
  readonly alertChannel: Target | undefined;
  /** Who alerts mention, as the platform writes it (`<!subteam^S0123>`, `<@U0123>`, `@stock-team`). */
  readonly alertMention: string | undefined;
  readonly alertCheckMs: number;
  /** Where delivery failure notices go; the subscription's own channel when unset. */
  readonly adminChannel: Target | undefined;
  /** Names this process in ledger claims; host:pid:random when unset. */
  readonly replicaId: string | undefined;
  /** When a KPI alert without `at` is checked each day, HH:MM in its zone (KPI_ALERT_TIME). */
  readonly kpiAlertTime: string;
  /** A KPI alert still firing reminds at most this often; 0: never (KPI_ALERT_REMINDER_HOURS). */
  readonly kpiAlertReminderMs: number;
  /** A KPI whose change against the comparison is at least this (relative) leads a digest as a mover; off when unset. */
  readonly moverThreshold: number | undefined;
  /** Digests one process builds and sends at once when many are due (DIGEST_CONCURRENCY). */
  readonly digestConcurrency: number;
}

const target = z.string().trim().max(300);

export const scheduleEnvSchema = z.object({
  SCHEDULE_CATCHUP_HOURS: z.coerce.number().min(0).max(168).default(6),
  DELIVERY_STALE_MINUTES: z.coerce.number().min(1).max(1_440).default(10),
  DELIVERY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(5),
  ALERT_CHANNEL: target.optional(),
  ALERT_MENTION: z.string().trim().max(200).optional(),
  ALERT_CHECK_MINUTES: z.coerce.number().int().min(1).max(1_440).default(15),
  ADMIN_CHANNEL: target.optional(),
  KPI_ALERT_TIME: z
    .string()
    .trim()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "must be HH:MM, e.g. 08:00")
    .default("08:00"),
  KPI_ALERT_REMINDER_HOURS: z.coerce
    .number()
    .min(0)
    .max(24 * 30)
    .default(24),
  DIGEST_MOVER_THRESHOLD: z.coerce.number().positive().max(100).optional(),
  DIGEST_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(DELIVERY_CONCURRENCY),
  SCHEDULE_REPLICA_ID: z
    .string()
    .trim()
    .regex(/^[\w.:-]{1,100}$/, "must be 1-100 letters, digits or . _ : -")
    .optional(),
});

export type ScheduleEnv = z.infer<typeof scheduleEnvSchema>;

const MINUTE_MS = 60_000;

export interface ScheduleTargets {
  readonly alertChannel: Target | undefined;
  readonly adminChannel: Target | undefined;
}

/** ALERT_CHANNEL and ADMIN_CHANNEL as the platforms read them, and a problem per one they refuse. */
export function readScheduleTargets(
  env: Readonly<Record<string, string>>,
  parseTarget: TargetParser,
): ScheduleTargets & { readonly problems: string[] } {
  const problems: string[] = [];
  const targetOf = (name: string): Target | undefined => {
    const text = env[name];
    if (text === undefined) return undefined;
    try {
      return parseTarget(text);
    } catch (error) {
      problems.push(`${name}: ${(error as Error).message}`);
      return undefined;
    }
  };
  return { alertChannel: targetOf("ALERT_CHANNEL"), adminChannel: targetOf("ADMIN_CHANNEL"), problems };
}

export function scheduleConfigFrom(e: ScheduleEnv, targets: ScheduleTargets): ScheduleConfig {
  return {
    catchUpMs: Math.round(e.SCHEDULE_CATCHUP_HOURS * 60 * MINUTE_MS),
    staleMs: Math.round(e.DELIVERY_STALE_MINUTES * MINUTE_MS),
    maxAttempts: e.DELIVERY_MAX_ATTEMPTS,
    alertChannel: targets.alertChannel,
    alertMention: e.ALERT_MENTION,
    alertCheckMs: e.ALERT_CHECK_MINUTES * MINUTE_MS,
    adminChannel: targets.adminChannel,
    replicaId: e.SCHEDULE_REPLICA_ID,
    kpiAlertTime: e.KPI_ALERT_TIME,
    kpiAlertReminderMs: Math.round(e.KPI_ALERT_REMINDER_HOURS * 60 * MINUTE_MS),
    moverThreshold: e.DIGEST_MOVER_THRESHOLD,
    digestConcurrency: e.DIGEST_CONCURRENCY,
  };
}
