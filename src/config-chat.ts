/**
 * The bot server's and the chat platforms' settings, as src/config.ts reads them. Each
 * platform (src/bot/platforms.ts) reads its own variables: one with none of them set is
 * disabled (and the server says so), one with some set but not all is a configuration error.
 */
import { z } from "zod";
import { type PlatformDefinition, policyKeysOf } from "./bot/chat-platform.js";
import { SLOW_DATA_NOTICE_MS } from "./bot/delayed-notice.js";
import { type TargetParser, targetParser } from "./schedule/target.js";
import { type AccessPolicy, policyFromAreaChannels } from "./security/access-policy.js";
import { AccessPolicyError, readAccessPolicyFile } from "./security/access-policy-file.js";

/** A platform whose variables are set, with its configuration. */
export interface EnabledPlatform {
  readonly definition: PlatformDefinition;
  readonly config: unknown;
}

export interface ChatConfig {
  readonly port: number;
  /** On SIGTERM/SIGINT, how long answers and deliveries under way may take to finish (SHUTDOWN_GRACE_MS). */
  readonly shutdownGraceMs: number;
  /** The server's public base URL (signed chart and file links). */
  readonly publicBaseUrl: string;
  /** Secret for signing chart and file URLs; when unset a random one is made per process. */
  readonly chartUrlSecret: string | undefined;
  /** The platforms to run, in registry order. */
  readonly platforms: readonly EnabledPlatform[];
  /** The platforms left off (the server says how to turn them on). */
  readonly disabledPlatforms: readonly PlatformDefinition[];
  /** `slack:C0123`, `teams:…`: targets of every known platform. */
  readonly parseTarget: TargetParser;
  /** The same, also reading an id a platform claims without its prefix (`C0STOCK` in ALERT_CHANNEL). */
  readonly parseSettingTarget: TargetParser;
  /** Who may ask about which area: ACCESS_POLICY_FILE, else AREA_CHANNELS as a policy. */
  readonly access: AccessPolicy;
  readonly production: boolean;
  /** Wait before telling the asker the data source is slow. */
  readonly slowNoticeMs: number;
  /** When set, GET /metrics wants `Authorization: Bearer <token>` (METRICS_TOKEN). */
  readonly metricsToken: string | undefined;
}

const httpUrl = z
  .string()
  .trim()
  .refine((v) => /^https?:\/\/[^\s]+$/.test(v), "must be an http(s) URL");

export const chatEnvSchema = z.object({
  NODE_ENV: z.string().optional(),
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(600_000).default(20_000),
  PUBLIC_BASE_URL: httpUrl.optional(),
  CHART_URL_SECRET: z.string().min(16, "must be at least 16 characters").optional(),
  METRICS_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
  AREA_CHANNELS: z
    .string()
    .regex(
      /^\s*[a-z-]+\s*:\s*[^;:\s]+(\s*,\s*[^;:\s]+)*\s*(;\s*[a-z-]+\s*:\s*[^;:\s]+(\s*,\s*[^;:\s]+)*\s*)*;?\s*$/,
      "must look like orders:C0123,C0456;campaigns:C0123",
    )
    .optional(),
  ACCESS_POLICY_FILE: z.string().trim().min(1).optional(),
  SLOW_DATA_NOTICE_MS: z.coerce.number().int().min(0).max(600_000).default(SLOW_DATA_NOTICE_MS),
});

export type ChatEnv = z.infer<typeof chatEnvSchema>;

/** `orders:C0123,C0456;campaigns:C0123` → area → ids. */
function areaChannelsOf(text: string | undefined): Map<string, string[]> {
  const areaChannels = new Map<string, string[]>();
  for (const part of (text ?? "").split(";")) {
    const [area, ids] = part.split(":");
    if (!area?.trim() || !ids) continue;
    areaChannels.set(
      area.trim(),
      ids
        .split(",")
        .map((id) => id.trim())
        .filter(Boolean),
    );
  }
  return areaChannels;
}

/** Cross-field rules and every platform's own variables; returns the chat config or the list of problems. */
export function chatConfigFrom(
  e: ChatEnv,
  env: Readonly<Record<string, string>>,
  definitions: readonly PlatformDefinition[],
): { config?: ChatConfig; problems: string[] } {
  const problems: string[] = [];
  const production = e.NODE_ENV === "production";
  const platforms: EnabledPlatform[] = [];
  const disabledPlatforms: PlatformDefinition[] = [];
  for (const definition of definitions) {
    const read = definition.readConfig(env, { production });
    problems.push(...read.problems);
    if (read.config !== undefined) platforms.push({ definition, config: read.config });
    else if (read.problems.length === 0) disabledPlatforms.push(definition);
  }
  const keys = policyKeysOf(definitions);

  let access = policyFromAreaChannels(areaChannelsOf(e.AREA_CHANNELS), keys);
  if (e.ACCESS_POLICY_FILE && e.AREA_CHANNELS) {
    problems.push("AREA_CHANNELS: set either AREA_CHANNELS or ACCESS_POLICY_FILE, not both");
  } else if (e.ACCESS_POLICY_FILE) {
    try {
      access = readAccessPolicyFile(e.ACCESS_POLICY_FILE, keys);
    } catch (error) {
      if (!(error instanceof AccessPolicyError)) throw error;
      problems.push(...error.problems.map((p) => `ACCESS_POLICY_FILE: ${p}`));
    }
  }

  if (problems.length > 0) return { problems };
  const rules = definitions.map((d) => ({ platform: d.name, ...d.targets }));
  return {
    problems,
    config: {
      port: e.PORT,
      shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
      publicBaseUrl: (e.PUBLIC_BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ""),
      chartUrlSecret: e.CHART_URL_SECRET,
      platforms,
      disabledPlatforms,
      parseTarget: targetParser(rules),
      parseSettingTarget: targetParser(rules, { allowBare: true }),
      access,
      production,
      slowNoticeMs: e.SLOW_DATA_NOTICE_MS,
      metricsToken: e.METRICS_TOKEN,
    },
  };
}
