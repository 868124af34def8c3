/**
 * Microsoft Teams as a chat platform: `teams:<conversation id>` targets (ids may contain
 * colons), its access-policy keys (teams and conversations), its variables. The Agents SDK
 * loads only when it is opened.
 */
import type { PlatformDefinition } from "../chat-platform.js";
import { readTeamsConfig, TEAMS_ENV_KEYS, type TeamsConfig } from "./teams-config.js";
import type { TeamsOptions } from "./teams-options.js";

export function teamsPlatform(options: TeamsOptions = {}): PlatformDefinition<TeamsConfig> {
  return {
    name: "teams",
    readConfig: readTeamsConfig,
    envKeys: TEAMS_ENV_KEYS,
    disabledNote:
      "Teams disabled: set TEAMS_APP_ID, TEAMS_APP_PASSWORD and TEAMS_TENANT_ID (or TEAMS_ALLOW_ANONYMOUS=true for local development)",
    targets: {
      example: "teams:<conversation id>",
      parseId: (id) => (/^\S+$/.test(id) ? id : undefined),
    },
    policyKeys: { conversations: "channel", teams: "group" },
    async targetGroup(botState, targetId) {
      const { teamOfConversation } = await import("./proactive/conversation-store.js");
      return teamOfConversation(botState, targetId);
    },
    async open(config, deps) {
      const { openTeams } = await import("./teams-platform.js");
      return openTeams(config, deps, options);
    },
  };
}
