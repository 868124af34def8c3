/**
 * Teams' variables: the bot's credentials (all three, or none), or anonymous mode for local
 * development (refused with NODE_ENV=production).
 */
import { z } from "zod";
import { type EnvValues, envProblems, type PlatformConfigResult } from "../chat-platform.js";

export interface TeamsConfig {
  /** "authenticated": every inbound JWT is validated; "anonymous": local development only. */
  readonly mode: "authenticated" | "anonymous";
  readonly appId: string | undefined;
  readonly appPassword: string | undefined;
  readonly tenantId: string | undefined;
}

const teamsEnvSchema = z.object({
  TEAMS_APP_ID: z.string().trim().min(1).optional(),
  TEAMS_APP_PASSWORD: z.string().min(1).optional(),
  TEAMS_TENANT_ID: z.string().trim().min(1).optional(),
  TEAMS_ALLOW_ANONYMOUS: z.enum(["true", "false"]).optional(),
});

export function readTeamsConfig(
  env: EnvValues,
  context: { readonly production: boolean },
): PlatformConfigResult<TeamsConfig> {
  const parsed = teamsEnvSchema.safeParse(env);
  if (!parsed.success) {
    return { problems: envProblems(parsed.error) };
  }
  const e = parsed.data;
  const credentials = [
    ["TEAMS_APP_ID", e.TEAMS_APP_ID],
    ["TEAMS_APP_PASSWORD", e.TEAMS_APP_PASSWORD],
    ["TEAMS_TENANT_ID", e.TEAMS_TENANT_ID],
  ] as const;
  if (credentials.some(([, value]) => value !== undefined)) {
    const problems = credentials
      .filter(([, value]) => value === undefined)
      .map(([name]) => `${name}: required when any Teams credential is set`);
    if (problems.length > 0) return { problems };
    return {
      problems,
      config: {
        mode: "authenticated",
        appId: e.TEAMS_APP_ID,
        appPassword: e.TEAMS_APP_PASSWORD,
        tenantId: e.TEAMS_TENANT_ID,
      },
    };
  }
  if (e.TEAMS_ALLOW_ANONYMOUS !== "true") return { problems: [] };
  if (context.production) {
    return {
      problems: ["TEAMS_ALLOW_ANONYMOUS: refused with NODE_ENV=production (set the Teams credentials)"],
    };
  }
  return {
    problems: [],
    config: { mode: "anonymous", appId: undefined, appPassword: undefined, tenantId: undefined },
  };
}
