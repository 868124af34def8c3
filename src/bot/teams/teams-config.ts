/**
 * Teams' variables: the bot's credentials (all three, or none), or anonymous mode for local
 * development (refused with NODE_ENV=production). Microsoft Graph (reading back scheduled
 * messages, src/bot/teams/graph/) uses the same credentials; TEAMS_GRAPH_URL and
 * TEAMS_TOKEN_URL point it elsewhere (a local stand-in). In anonymous mode Graph is used only
 * when TEAMS_GRAPH_URL names one, and without a token, as the connector is.
 * TEAMS_GRAPH_INSTALL=on (with TEAMS_CATALOG_APP_ID, the app's id in the organisation's app
 * catalog) lets a digest to a team the bot is not in install the app there through Graph
 * first (graph/team-install.ts); it needs Graph.
 */
import { z } from "zod";
import { type EnvValues, envProblems, type PlatformConfigResult } from "../chat-platform.js";

export interface TeamsConfig {
  /** "authenticated": every inbound JWT is validated; "anonymous": local development only. */
  readonly mode: "authenticated" | "anonymous";
  readonly appId: string | undefined;
  readonly appPassword: string | undefined;
  readonly tenantId: string | undefined;
  /** Where scheduled messages are read back; undefined: nowhere (a takeover posts again). */
  readonly graph: GraphEndpoints | undefined;
  /** Installing the app into a team through Graph (TEAMS_GRAPH_INSTALL=on); undefined: off. */
  readonly install?: TeamInstallConfig;
}

export interface TeamInstallConfig {
  /** The app's id in the organisation's app catalog (teamsApp id, not the bot's app id). */
  readonly catalogAppId: string;
  /** How long a send waits for Teams to tell the bot it was installed (installationUpdate). */
  readonly waitMs: number;
}

/** The wait for Teams' installationUpdate after an install (TEAMS_GRAPH_INSTALL_WAIT_MS). */
export const INSTALL_WAIT_MS = 60_000;

export interface GraphEndpoints {
  /** Graph's base URL, version included: https://graph.microsoft.com/v1.0. */
  readonly url: string;
  /** The client-credentials token endpoint; undefined: no token (anonymous mode). */
  readonly tokenUrl: string | undefined;
}

export const GRAPH_URL = "https://graph.microsoft.com/v1.0";
/** Microsoft Entra's token endpoint for a tenant (client credentials flow, v2.0). */
export const tokenUrlFor = (tenantId: string) =>
  `https://login.microsoftonline.com/${encodeURIComponent(tenantId)}/oauth2/v2.0/token`;

const teamsEnvSchema = z.object({
  TEAMS_APP_ID: z.string().trim().min(1).optional(),
  TEAMS_APP_PASSWORD: z.string().min(1).optional(),
  TEAMS_TENANT_ID: z.string().trim().min(1).optional(),
  TEAMS_ALLOW_ANONYMOUS: z.enum(["true", "false"]).optional(),
  TEAMS_GRAPH_URL: z.string().trim().url().optional(),
  TEAMS_TOKEN_URL: z.string().trim().url().optional(),
  TEAMS_GRAPH_INSTALL: z.enum(["on", "off"]).optional(),
  TEAMS_CATALOG_APP_ID: z
    .string()
    .trim()
    .regex(/^[0-9a-fA-F-]{36}$/, "must be the catalog app's id (a GUID)")
    .optional(),
  TEAMS_GRAPH_INSTALL_WAIT_MS: z.coerce.number().int().min(1000).max(600_000).optional(),
});

/** TEAMS_GRAPH_INSTALL and what it needs, or the problems with them. */
function installConfig(
  e: z.infer<typeof teamsEnvSchema>,
  graph: GraphEndpoints | undefined,
): { install?: TeamInstallConfig; problems: string[] } {
  if (e.TEAMS_GRAPH_INSTALL !== "on") return { problems: [] };
  const problems = [
    ...(e.TEAMS_CATALOG_APP_ID ? [] : ["TEAMS_CATALOG_APP_ID: required with TEAMS_GRAPH_INSTALL=on"]),
    ...(graph
      ? []
      : ["TEAMS_GRAPH_INSTALL: needs Microsoft Graph (the Teams credentials, or TEAMS_GRAPH_URL)"]),
  ];
  if (problems.length > 0 || !e.TEAMS_CATALOG_APP_ID) return { problems };
  return {
    install: {
      catalogAppId: e.TEAMS_CATALOG_APP_ID,
      waitMs: e.TEAMS_GRAPH_INSTALL_WAIT_MS ?? INSTALL_WAIT_MS,
    },
    problems: [],
  };
}

/** The variables this platform reads (a `.env` key outside every platform's and the core's is warned about). */
export const TEAMS_ENV_KEYS: readonly string[] = Object.keys(teamsEnvSchema.shape);

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
    const graph = {
      url: e.TEAMS_GRAPH_URL ?? GRAPH_URL,
      tokenUrl: e.TEAMS_TOKEN_URL ?? tokenUrlFor(e.TEAMS_TENANT_ID as string),
    };
    const install = installConfig(e, graph);
    if (install.problems.length > 0) return { problems: install.problems };
    return {
      problems,
      config: {
        mode: "authenticated",
        appId: e.TEAMS_APP_ID,
        appPassword: e.TEAMS_APP_PASSWORD,
        tenantId: e.TEAMS_TENANT_ID,
        graph,
        ...(install.install ? { install: install.install } : {}),
      },
    };
  }
  if (e.TEAMS_ALLOW_ANONYMOUS !== "true") return { problems: [] };
  if (context.production) {
    return {
      problems: ["TEAMS_ALLOW_ANONYMOUS: refused with NODE_ENV=production (set the Teams credentials)"],
    };
  }
  const graph = e.TEAMS_GRAPH_URL ? { url: e.TEAMS_GRAPH_URL, tokenUrl: undefined } : undefined;
  const install = installConfig(e, graph);
  if (install.problems.length > 0) return { problems: install.problems };
  return {
    problems: [],
    config: {
      mode: "anonymous",
      appId: undefined,
      appPassword: undefined,
      tenantId: undefined,
      graph,
      ...(install.install ? { install: install.install } : {}),
    },
  };
}
