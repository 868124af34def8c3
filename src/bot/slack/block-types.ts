/** The Block Kit types the Slack renderers produce (from @slack/types, as Bolt re-exports them). */
import type { types } from "@slack/bolt";

export type SlackBlock = types.KnownBlock;
export type SlackButton = types.Button;
export type SlackHomeView = types.HomeView;
