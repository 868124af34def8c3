/**
 * The chat platforms' settings, as src/config.ts reads them. Slack and Teams are each
 * enabled by their own variables; a platform with none of its variables set is disabled
 * (and the server says so), a platform with some set but not all is a configuration error.
 */
import { z } from "zod";
import { type AccessPolicy, policyFromAreaChannels } from "./security/access-policy.js";
import { AccessPolicyError, readAccessPolicyFile } from "./security/access-policy-file.js";

export interface SlackConfig {
  readonly botToken: string;
  /** Socket Mode when set (development, private installs); HTTP mode otherwise. */
  readonly appToken: string | undefined;
  readonly signingSecret: string | undefined;
  /** Web API base URL override (tests, proxies), ending in "/". */
  readonly apiUrl: string | undefined;
}

export interface TeamsConfig {
  /** "authenticated": every inbound JWT is validated; "anonymous": local development only. */
  readonly mode: "authenticated" | "anonymous";
  readonly appId: string | undefined;
  readonly appPassword: string | undefined;
  readonly tenantId: string | undefined;
}

export interface ChatConfig {
  readonly port: number;
  /** The server's public base URL (signed chart links for Teams). */
  readonly publicBaseUrl: string;
  /** Secret for signing chart URLs; when unset a random one is made per process. */
  readonly chartUrlSecret: string | undefined;
  readonly slack: SlackConfig | undefined;
  readonly teams: TeamsConfig | undefined;
  /** area -> channel/conversation ids that may ask about it; areas not listed are open. */
  readonly areaChannels: ReadonlyMap<string, readonly string[]>;
  /** Who may ask about which area: ACCESS_POLICY_FILE, else AREA_CHANNELS as a policy. */
  readonly access: AccessPolicy;
  readonly production: boolean;
}

const httpUrl = z
  .string()
  .trim()
  .refine((v) => /^https?:\/\/[^\s]+$/.test(v), "must be an http(s) URL");

export const chatEnvSchema = z.object({
  NODE_ENV: z.string().optional(),
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  PUBLIC_BASE_URL: httpUrl.optional(),
  CHART_URL_SECRET: z.string().min(16, "must be at least 16 characters").optional(),
  SLACK_BOT_TOKEN: z
    .string()
    .regex(/^xoxb-[\w-]+$/, "must be a bot token starting with xoxb-")
    .optional(),
  SLACK_APP_TOKEN: z
    .string()
    .regex(/^xapp-[\w-]+$/, "must be an app-level token starting with xapp-")
    .optional(),
  SLACK_SIGNING_SECRET: z
    .string()
    .regex(/^[A-Za-z0-9]{16,}$/, "must be the app's signing secret (16+ letters and digits)")
    .optional(),
  SLACK_API_URL: httpUrl.optional(),
  TEAMS_APP_ID: z.string().trim().min(1).optional(),
  TEAMS_APP_PASSWORD: z.string().min(1).optional(),
  TEAMS_TENANT_ID: z.string().trim().min(1).optional(),
  TEAMS_ALLOW_ANONYMOUS: z.enum(["true", "false"]).optional(),
  AREA_CHANNELS: z
    .string()
    .regex(
      /^\s*[a-z-]+\s*:\s*[^;:\s]+(\s*,\s*[^;:\s]+)*\s*(;\s*[a-z-]+\s*:\s*[^;:\s]+(\s*,\s*[^;:\s]+)*\s*)*;?\s*$/,
      "must look like orders:C0123,C0456;campaigns:C0123",
    )
    .optional(),
  ACCESS_POLICY_FILE: z.string().trim().min(1).optional(),
});

export type ChatEnv = z.infer<typeof chatEnvSchema>;

/** Cross-field rules; returns the chat config or the list of problems. */
export function chatConfigFrom(e: ChatEnv): { config?: ChatConfig; problems: string[] } {
  const problems: string[] = [];
  const production = e.NODE_ENV === "production";

  let slack: SlackConfig | undefined;
  if (e.SLACK_BOT_TOKEN || e.SLACK_APP_TOKEN || e.SLACK_SIGNING_SECRET || e.SLACK_API_URL) {
    if (!e.SLACK_BOT_TOKEN) problems.push("SLACK_BOT_TOKEN: required when any SLACK_ variable is set");
    if (!e.SLACK_APP_TOKEN && !e.SLACK_SIGNING_SECRET) {
      problems.push("SLACK_SIGNING_SECRET: required in HTTP mode (or set SLACK_APP_TOKEN for Socket Mode)");
    }
    if (e.SLACK_BOT_TOKEN) {
      slack = {
        botToken: e.SLACK_BOT_TOKEN,
        appToken: e.SLACK_APP_TOKEN,
        signingSecret: e.SLACK_SIGNING_SECRET,
        apiUrl: e.SLACK_API_URL ? e.SLACK_API_URL.replace(/\/?$/, "/") : undefined,
      };
    }
  }

  let teams: TeamsConfig | undefined;
  const credentials = [e.TEAMS_APP_ID, e.TEAMS_APP_PASSWORD, e.TEAMS_TENANT_ID];
  if (credentials.some((c) => c !== undefined)) {
    for (const [name, value] of [
      ["TEAMS_APP_ID", e.TEAMS_APP_ID],
      ["TEAMS_APP_PASSWORD", e.TEAMS_APP_PASSWORD],
      ["TEAMS_TENANT_ID", e.TEAMS_TENANT_ID],
    ] as const) {
      if (value === undefined) problems.push(`${name}: required when any Teams credential is set`);
    }
    teams = {
      mode: "authenticated",
      appId: e.TEAMS_APP_ID,
      appPassword: e.TEAMS_APP_PASSWORD,
      tenantId: e.TEAMS_TENANT_ID,
    };
  } else if (e.TEAMS_ALLOW_ANONYMOUS === "true") {
    if (production)
      problems.push("TEAMS_ALLOW_ANONYMOUS: refused with NODE_ENV=production (set the Teams credentials)");
    teams = { mode: "anonymous", appId: undefined, appPassword: undefined, tenantId: undefined };
  }

  const areaChannels = new Map<string, string[]>();
  for (const part of (e.AREA_CHANNELS ?? "").split(";")) {
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

  let access = policyFromAreaChannels(areaChannels);
  if (e.ACCESS_POLICY_FILE && e.AREA_CHANNELS) {
    problems.push("AREA_CHANNELS: set either AREA_CHANNELS or ACCESS_POLICY_FILE, not both");
  } else if (e.ACCESS_POLICY_FILE) {
    try {
      access = readAccessPolicyFile(e.ACCESS_POLICY_FILE);
    } catch (error) {
      if (!(error instanceof AccessPolicyError)) throw error;
      problems.push(...error.problems.map((p) => `ACCESS_POLICY_FILE: ${p}`));
    }
  }

  if (problems.length > 0) return { problems };
  return {
    problems,
    config: {
      port: e.PORT,
      publicBaseUrl: (e.PUBLIC_BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ""),
      chartUrlSecret: e.CHART_URL_SECRET,
      slack,
      teams,
      areaChannels,
      access,
      production,
    },
  };
}
