/**
 * The one reader of the environment (STYLE.md rule 2): parses process.env once with zod,
 * reports every bad key at once, and returns a frozen object that main hands around.
 */
import { availableParallelism } from "node:os";
import { z } from "zod";
import { envProblems, type PlatformDefinition } from "./bot/chat-platform.js";
import { PLATFORMS } from "./bot/platforms.js";
import type { CacheBounds } from "./cache/bounded-cache.js";
import { CHART_CACHE_BOUNDS } from "./charts/cached-renderer.js";
import { defaultChartWorkers, MAX_CHART_WORKERS } from "./charts/chart-workers.js";
import { type ChatConfig, chatConfigFrom, chatEnvSchema } from "./config-chat.js";
import {
  readScheduleTargets,
  type ScheduleConfig,
  scheduleConfigFrom,
  scheduleEnvSchema,
} from "./config-schedule.js";
import { type SecurityConfig, securityConfigFrom, securityEnvSchema } from "./config-security.js";
import { DEFAULT_STATEMENT_TIMEOUT_MS } from "./db/deadline-pool.js";
import { loadDotEnv, unknownKeysWarning } from "./dotenv.js";
import { ANSWER_CACHE_BOUNDS } from "./engine/answer-cache.js";
import { UserError } from "./errors.js";

export type { ChatConfig, EnabledPlatform } from "./config-chat.js";
export type { ScheduleConfig } from "./config-schedule.js";
export type { SecurityConfig } from "./config-security.js";

const MB = 1024 * 1024;

export const DEFAULT_DATABASE_URL = "mysql://root@127.0.0.1:3306/kpi_bot";

const mysqlUrl = z
  .string()
  .trim()
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === "mysql:" || url.protocol === "mariadb:") && url.pathname.length > 1;
    } catch {
      return false;
    }
  }, "must look like mysql://user:password@host:3306/database");

const timeZone = z
  .string()
  .trim()
  .refine((value) => {
    try {
      new Intl.DateTimeFormat("en-US", { timeZone: value });
      return true;
    } catch {
      return false;
    }
  }, "must be an IANA time zone such as UTC or Europe/Berlin");

/** Connections a refresh uses at once unless REFRESH_CONCURRENCY says otherwise (two cores' worth). */
export const DEFAULT_REFRESH_CONCURRENCY = 2;

const coreEnvSchema = z.object({
  DATABASE_URL: mysqlUrl.default(DEFAULT_DATABASE_URL),
  DATABASE_URL_READONLY: mysqlUrl.optional(),
  REPORT_TIMEZONE: timeZone.default("UTC"),
  DB_STATEMENT_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .min(100)
    .max(600_000)
    .default(DEFAULT_STATEMENT_TIMEOUT_MS),
  /** Stored procedures and triggers: on, off (portable mode: TiDB, Vitess), or auto (unless refused). */
  DB_ROUTINES: z.enum(["auto", "on", "off"]).default("auto"),
  /** Connections a refresh runs its independent statement files on at once (1: one connection). */
  REFRESH_CONCURRENCY: z.coerce.number().int().min(1).max(8).default(DEFAULT_REFRESH_CONCURRENCY),
  CURRENCY: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{3}$/, "must be an ISO 4217 code such as EUR or USD")
    .transform((c) => c.toUpperCase())
    .default("EUR"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  CHART_WORKERS: z.coerce
    .number()
    .int()
    .min(0)
    .max(MAX_CHART_WORKERS)
    .default(defaultChartWorkers(availableParallelism())),
  /** Megabytes of answers kept per process (0: none kept; identical questions still share one computation). */
  ANSWER_CACHE_MB: z.coerce
    .number()
    .min(0)
    .max(4_096)
    .default(ANSWER_CACHE_BOUNDS.maxBytes / MB),
  /** Megabytes of chart PNGs kept per process (0: none kept). */
  CHART_CACHE_MB: z.coerce
    .number()
    .min(0)
    .max(4_096)
    .default(CHART_CACHE_BOUNDS.maxBytes / MB),
});

const envSchema = coreEnvSchema
  .extend(chatEnvSchema.shape)
  .extend(scheduleEnvSchema.shape)
  .extend(securityEnvSchema.shape);

export interface Config {
  readonly databaseUrl: string;
  readonly readonlyDatabaseUrl: string | undefined;
  readonly reportTimeZone: string;
  readonly statementTimeoutMs: number;
  /** What `kpi db migrate` creates: procedures and triggers (on), none (off: portable mode), or auto. */
  readonly databaseRoutines: "auto" | "on" | "off";
  /** Connections a refresh runs a stage's statement files on at once (REFRESH_CONCURRENCY). */
  readonly refreshConcurrency: number;
  /** ISO 4217 code of the shop's currency, for formatting. */
  readonly currency: string;
  readonly logLevel: z.infer<typeof envSchema>["LOG_LEVEL"];
  /** Worker threads that render charts for the bot (src/charts/chart-pool.ts). */
  readonly chartWorkers: number;
  /** Bounds of the answer cache (src/engine/answer-cache.ts) and the chart cache (src/charts/cached-renderer.ts). */
  readonly answerCache: CacheBounds;
  readonly chartCache: CacheBounds;
  /** The HTTP server and the chat platforms. */
  readonly chat: ChatConfig;
  /** Digests and low-stock alerts. */
  readonly schedule: ScheduleConfig;
  /** Rate limits and the database query cap. */
  readonly security: SecurityConfig;
}

export class ConfigError extends Error {
  override readonly name = "ConfigError";
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
}

/**
 * Parses the given environment (process.env by default) for the given chat platforms (the
 * registry's by default; each reads its own variables). Empty strings count as unset. Every
 * problem is reported at once.
 */
export function loadConfig(
  env: NodeJS.ProcessEnv = process.env,
  platforms: readonly PlatformDefinition[] = PLATFORMS,
): Config {
  const cleaned = Object.fromEntries(
    Object.entries(env).filter(
      (entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== "",
    ),
  );
  const parsed = envSchema.safeParse(cleaned);
  const problems = parsed.success ? [] : envProblems(parsed.error);
  const chat = chatConfigFrom(
    chatEnvSchema.partial().catch({}).parse(cleaned) as z.infer<typeof chatEnvSchema>,
    cleaned,
    platforms,
  );
  problems.push(...chat.problems.filter((p) => !problems.includes(p)));
  const targets = chat.config ? readScheduleTargets(cleaned, chat.config.parseSettingTarget) : undefined;
  problems.push(...(targets?.problems ?? []));
  if (!parsed.success || !chat.config || !targets || problems.length > 0) throw new ConfigError(problems);
  const e = parsed.data;
  return Object.freeze({
    databaseUrl: e.DATABASE_URL,
    readonlyDatabaseUrl: e.DATABASE_URL_READONLY,
    reportTimeZone: e.REPORT_TIMEZONE,
    statementTimeoutMs: e.DB_STATEMENT_TIMEOUT_MS,
    databaseRoutines: e.DB_ROUTINES,
    refreshConcurrency: e.REFRESH_CONCURRENCY,
    currency: e.CURRENCY,
    logLevel: e.LOG_LEVEL,
    chartWorkers: e.CHART_WORKERS,
    answerCache: { ...ANSWER_CACHE_BOUNDS, maxBytes: Math.round(e.ANSWER_CACHE_MB * MB) },
    chartCache: { ...CHART_CACHE_BOUNDS, maxBytes: Math.round(e.CHART_CACHE_MB * MB) },
    chat: chat.config,
    schedule: scheduleConfigFrom(e, targets),
    security: securityConfigFrom(e),
  });
}

/**
 * A `kpi` command's configuration: the settings file first (`.env`, src/dotenv.ts; the
 * environment wins), then the environment read once. `warn` gets the one line about the
 * file's keys kpi-bot does not read, before any configuration error.
 */
export function loadCommandConfig(warn: (line: string) => void): Config {
  const warning = unknownKeysWarning(loadDotEnv(process.env, configKeys()));
  if (warning) warn(warning);
  return loadConfig();
}

/** Every variable kpi-bot reads: the core's, the schedule's, security's and each platform's. */
export function configKeys(platforms: readonly PlatformDefinition[] = PLATFORMS): ReadonlySet<string> {
  return new Set([...Object.keys(envSchema.shape), ...platforms.flatMap((p) => p.envKeys)]);
}

const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * A secret named on the command line (`--password-env KPI_READER_PASSWORD`), read from the
 * environment by name. The value is returned, never printed; errors name the variable only.
 */
export function secretFromEnv(name: string, env: NodeJS.ProcessEnv = process.env): string {
  if (!VARIABLE_NAME.test(name)) {
    throw new UserError("bad_variable", `--password-env ${JSON.stringify(name)} is not a variable name.`);
  }
  const value = env[name];
  if (value === undefined || value === "") {
    throw new UserError("missing_secret", `${name} is not set: put the password in that variable.`);
  }
  return value;
}
