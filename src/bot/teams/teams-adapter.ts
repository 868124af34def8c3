/**
 * The Microsoft 365 Agents SDK's CloudAdapter, configured from TEAMS_* settings, with every
 * connector client it creates wrapped in our delivery policy (pacing and retries).
 *
 * Authenticated: inbound JWTs are validated against the app id (authorizeJWT) and outgoing
 * calls carry a token for the app. Anonymous (local development only): no client id is
 * configured, so the SDK accepts requests without a token and creates connector clients
 * without one — it never asks Entra ID for a token.
 */
import type { ConversationReference } from "@microsoft/agents-activity";
import {
  type AuthConfiguration,
  CloudAdapter,
  type ConnectorClient,
  type TurnContext,
} from "@microsoft/agents-hosting";
import type { DeliveryPolicy } from "./delivery/paced-connector.js";
import type { TeamsConfig } from "./teams-config.js";

export function authConfigFor(teams: TeamsConfig): AuthConfiguration {
  // Explicit undefineds: the SDK merges these over its own environment variables (clientId, ...).
  if (teams.mode === "anonymous")
    return { clientId: undefined, clientSecret: undefined, tenantId: undefined };
  return { clientId: teams.appId, clientSecret: teams.appPassword, tenantId: teams.tenantId };
}

export class TeamsAdapter extends CloudAdapter {
  constructor(
    private readonly teams: TeamsConfig,
    private readonly delivery: DeliveryPolicy,
  ) {
    super(authConfigFor(teams));
    if (this.getClientId() !== teams.appId) {
      throw new Error(
        "The Agents SDK picked up a different Teams app id than TEAMS_APP_ID (are Connections__* or clientId variables set?)",
      );
    }
  }

  protected override setConnectorClient(context: TurnContext, connectorClient?: ConnectorClient): void {
    super.setConnectorClient(context, connectorClient && this.delivery.wrap(connectorClient));
  }

  /** Runs `logic` in a new turn of a stored conversation (proactive messages). */
  async continueStored(reference: ConversationReference, logic: (context: TurnContext) => Promise<void>) {
    // Anonymous mode: an identity without `aud` makes the SDK create a token-less connector client.
    const identity =
      this.teams.mode === "authenticated" ? (this.teams.appId as string) : { appid: "anonymous" };
    await this.continueConversation(identity, reference, logic);
  }
}
