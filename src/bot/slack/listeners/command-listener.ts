/**
 * `/kpi <text>`: acknowledge at once (Slack's 3-second rule), then answer in the channel; when
 * the bot is too busy to take it, the acknowledgement itself tells the asker so.
 */
import type { App } from "@slack/bolt";
import { admit } from "../../admission.js";
import { answerInSlack } from "../answer-flow.js";
import { unescapeSlackText } from "../block-kit-limits.js";
import type { SlackDeps } from "../slack-deps.js";
import { type EphemeralMessage, noticeMessage, tellAsker } from "../slack-reply.js";

/** `/kpi`, and variants such as `/kpi-dev` for a second install of the app. */
export const COMMAND_PATTERN = /^\/kpi(?:-[a-z0-9-]+)?$/u;

export function registerCommandListener(app: App, deps: SlackDeps): void {
  app.command(COMMAND_PATTERN, async ({ command, ack, respond, client, context }) => {
    const replier = {
      client,
      since: performance.now(),
      ephemeral: (message: EphemeralMessage) => respond({ response_type: "ephemeral", ...message }),
    };
    await admit(deps.admission, {
      accept: () => ack(),
      // Shed at once: the busy line is the ack itself (shown to the asker only).
      refuse: async (text, acked) => {
        if (acked) await tellAsker(replier, text, deps.log);
        else await ack({ response_type: "ephemeral", ...noticeMessage(text) });
      },
      work: async () => {
        if (!(await deps.redelivery.firstDelivery("command", command, context.retryNum))) return;
        await answerInSlack(
          { text: unescapeSlackText(command.text) },
          { channelId: command.channel_id, userId: command.user_id, workspaceId: command.team_id },
          replier,
          deps,
        );
      },
    });
  });
}
