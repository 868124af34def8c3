/**
 * Installing the app into a team the bot is not in, through Microsoft Graph:
 * POST /teams/{team-id}/installedApps with the catalog app (`teamsApp@odata.bind`) and the
 * resource-specific permissions the manifest asks for, consented for the team
 * (`consentedPermissionSet`). Because the app asks for RSC permissions, the application
 * permission this needs is TeamsAppInstallation.ReadWriteAndConsentSelfForTeam.All —
 * ReadWriteSelfForTeam.All cannot install apps that need RSC consent
 * (https://learn.microsoft.com/graph/api/team-post-installedapps). Teams then sends the bot an
 * installationUpdate with the team's General channel, whose reference the bot stores as for
 * any install; the caller waits for it (waitForTeam).
 */
import { DeliveryError } from "../../../schedule/delivery-error.js";
import { RSC_PERMISSIONS } from "../package/teams-manifest.js";
import type { ConversationStore, TeamsConversation } from "../proactive/conversation-store.js";
import type { GraphEndpoints, TeamInstallConfig } from "../teams-config.js";
import type { AppTokenSource } from "./app-token.js";
import { GRAPH_TIMEOUT_MS } from "./sent-finder.js";

/** The application permission an install needs (the app asks for RSC permissions). */
export const INSTALL_PERMISSION = "TeamsAppInstallation.ReadWriteAndConsentSelfForTeam.All";
/** How often the wait looks for the stored reference. */
const POLL_MS = 250;

export interface TeamInstallDeps {
  readonly graph: GraphEndpoints;
  readonly tokens: AppTokenSource | undefined;
  readonly install: TeamInstallConfig;
  readonly conversations: ConversationStore;
}

/** The request body: the catalog app and the RSC permissions consented for the team. */
export function installBody(graphUrl: string, catalogAppId: string) {
  return {
    "teamsApp@odata.bind": `${graphUrl}/appCatalogs/teamsApps/${encodeURIComponent(catalogAppId)}`,
    consentedPermissionSet: {
      resourceSpecificPermissions: RSC_PERMISSIONS.map((permissionValue) => ({
        permissionValue,
        permissionType: "Application",
      })),
    },
  };
}

/** Installs the app in the team (Entra group id); "already" when Graph says it is there (409). */
export async function installInTeam(deps: TeamInstallDeps, teamId: string): Promise<"installed" | "already"> {
  const token = await deps.tokens?.token();
  let response: Response;
  try {
    response = await fetch(`${deps.graph.url}/teams/${encodeURIComponent(teamId)}/installedApps`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(installBody(deps.graph.url, deps.install.catalogAppId)),
      signal: AbortSignal.timeout(GRAPH_TIMEOUT_MS),
    });
  } catch (error) {
    throw new DeliveryError("graph_unreachable", "Microsoft Graph unreachable", { cause: error });
  }
  if (response.status === 201 || response.status === 200) return "installed";
  if (response.status === 409) return "already";
  const code = ((await response.json().catch(() => ({}))) as { error?: { code?: unknown } }).error?.code;
  const permanent = response.status === 400 || response.status === 403 || response.status === 404;
  throw new DeliveryError(
    `graph_install_${response.status}`,
    response.status === 403
      ? `Microsoft Graph refused to install the app in team ${teamId}: grant the application permission ${INSTALL_PERMISSION}`
      : `Microsoft Graph answered ${response.status}${typeof code === "string" ? ` (${code})` : ""} installing the app in team ${teamId}`,
    { retryable: !permanent },
  );
}

/** The team's stored conversation once Teams has told the bot (installationUpdate), or undefined after `waitMs`. */
export async function waitForTeam(
  conversations: ConversationStore,
  teamId: string,
  waitMs: number,
): Promise<TeamsConversation | undefined> {
  const deadline = performance.now() + waitMs;
  for (;;) {
    const found = await conversations.findTeam(teamId);
    if (found || performance.now() >= deadline) return found;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
