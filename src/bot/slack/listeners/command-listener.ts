/** `/kpi <text>`: acknowledge at once (Slack's 3-second rule), then answer in the channel. */
import type { App } from "@slack/bolt";
import { answerInSlack } from "../answer-flow.js";
import { unescapeSlackText } from "../block-kit-limits.js";
import type { SlackDeps } from "../slack-deps.js";

/** `/kpi`, and variants such as `/kpi-dev` for a second install of the app. */
export const COMMAND_PATTERN = /^\/kpi(?:-[a-z0-9-]+)?$/u;

export function registerCommandListener(app: App, deps: SlackDeps): void {
  app.command(COMMAND_PATTERN, async ({ command, ack, respond, client }) => {
    await ack();
    await answerInSlack(
      { text: unescapeSlackText(command.text) },
      { channelId: command.channel_id, userId: command.user_id, workspaceId: command.team_id },
      {
        client,
        ephemeral: (message) => respond({ response_type: "ephemeral", ...message }),
      },
      deps,
    );
  });
}
