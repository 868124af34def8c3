/**
 * A direct message to the bot (the App Home's Messages tab), with SLACK_ASSISTANT=true (the
 * manifest then subscribes to message.im): answered in the conversation as a mention is. The
 * direct message is one thread: a follow-up there applies to the last answer in it (a reply in a
 * thread of the DM, to that thread's). Messages in an assistant thread go to the Assistant first.
 */
import type { App } from "@slack/bolt";
import type { SlackDeps } from "../slack-deps.js";
import type { EphemeralMessage } from "../slack-reply.js";
import { answerMessage } from "./answer-message.js";

export function registerDirectMessageListener(app: App, deps: SlackDeps): void {
  app.message(async ({ message, body, context, client }) => {
    if (message.channel_type !== "im" || message.subtype !== undefined) return;
    if (!message.user || message.bot_id || typeof message.text !== "string") return;
    if (!(await deps.redelivery.firstDelivery("event", body, context.retryNum))) return;
    const { user, channel, text } = message;
    const threadTs = message.thread_ts;
    const replier = {
      client,
      since: performance.now(),
      ephemeral: (reply: EphemeralMessage) =>
        client.chat.postEphemeral({ channel, user, ...(threadTs ? { thread_ts: threadTs } : {}), ...reply }),
    };
    await answerMessage(text, { channel, user, threadTs, team: body.team_id }, replier, deps);
  });
}
