/**
 * The chat platforms kpi-bot speaks, declared once. Adding one is a folder under src/bot/ with
 * its definition (chat-platform.ts) and one line here.
 */
import type { PlatformDefinition } from "./chat-platform.js";
import { slackPlatform } from "./slack/slack-definition.js";
import { teamsPlatform } from "./teams/teams-definition.js";

export const PLATFORMS: readonly PlatformDefinition[] = [slackPlatform(), teamsPlatform()];
