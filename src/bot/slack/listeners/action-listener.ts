/**
 * Answer buttons: acknowledge, then re-run the command with the new period or comparison
 * (in the answer's thread) or upload its tables as CSV. The value is checked like typed text.
 */
import type { App, BlockButtonAction } from "@slack/bolt";
import { isUserError } from "../../../errors.js";
import { admit } from "../../admission.js";
import { ACTION_PREFIX, decodeButton } from "../answer-buttons.js";
import { answerInSlack } from "../answer-flow.js";
import { csvInSlack } from "../csv-flow.js";
import type { SlackDeps } from "../slack-deps.js";
import { type SlackReplier, tellAsker } from "../slack-reply.js";

export function registerActionListener(app: App, deps: SlackDeps): void {
  app.action<BlockButtonAction>(
    new RegExp(`^${ACTION_PREFIX}`, "u"),
    async ({ ack, body, action, client, respond, context }) => {
      await ack();
      const replier: SlackReplier = {
        client,
        since: performance.now(),
        ephemeral: (message) => respond({ response_type: "ephemeral", replace_original: false, ...message }),
      };
      const channelId = body.channel?.id ?? body.container?.channel_id;
      const message = body.message;
      // A reading offered for a doubtful question sits in a message only the asker sees: answer in its channel.
      const offered = body.container?.is_ephemeral === true;
      if (!channelId || (!message && !offered)) {
        await tellAsker(
          replier,
          "These buttons work on answers in a channel — ask again with /kpi.",
          deps.log,
        );
        return;
      }
      const threadTs = !message
        ? typeof body.container?.thread_ts === "string"
          ? body.container.thread_ts
          : undefined
        : typeof message.thread_ts === "string"
          ? message.thread_ts
          : message.ts;
      const place = {
        channelId,
        userId: body.user.id,
        ...(threadTs ? { threadTs } : {}),
        ...(body.team?.id ? { workspaceId: body.team.id } : {}),
      };
      let request: ReturnType<typeof decodeButton>;
      try {
        request = decodeButton(action.action_id, action.value ?? "");
      } catch (error) {
        if (!isUserError(error)) throw error;
        await tellAsker(replier, error.message, deps.log);
        return;
      }
      deps.log.info({ platform: "slack", action: action.action_id, channel: channelId }, "answer button");
      const ask = { query: request.query };
      // Acknowledged above: a shed press is told so through its response_url.
      await admit(deps.admission, {
        accept: async () => undefined,
        refuse: async (text) => {
          await tellAsker(replier, text, deps.log);
        },
        work: async () => {
          if (!(await deps.redelivery.firstDelivery("action", body, context.retryNum))) return;
          await (request.kind === "csv"
            ? csvInSlack(ask, place, replier, deps)
            : answerInSlack(ask, place, replier, deps));
        },
      });
    },
  );
}
