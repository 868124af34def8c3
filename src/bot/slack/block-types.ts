/** The Block Kit types the Slack renderers produce (from @slack/types, as Bolt re-exports them). */
import type { types } from "@slack/bolt";

export type SlackBlock = types.KnownBlock;
export type SlackButton = types.Button;
export type SlackHomeView = types.HomeView;
export type SlackModalView = types.ModalView;
export type SlackTableBlock = types.TableBlock;
export type SlackAttachment = types.MessageAttachment;
