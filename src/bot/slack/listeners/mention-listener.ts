/** `@kpi campaigns last-30d` in a channel: the same as the command, answered in a thread. */
import type { App } from "@slack/bolt";
import { admit } from "../../admission.js";
import { answerInSlack } from "../answer-flow.js";
import { unescapeSlackText } from "../block-kit-limits.js";
import type { SlackDeps } from "../slack-deps.js";
import { type EphemeralMessage, tellAsker } from "../slack-reply.js";

/** The command text of a mention: user mentions (`<@U123>`, `<@U123|name>`) removed. */
export function mentionText(text: string): string {
  return unescapeSlackText(text.replace(/<@[A-Z0-9]+(?:\|[^>]*)?>/gu, " ")).trim();
}

export function registerMentionListener(app: App, deps: SlackDeps): void {
  app.event("app_mention", async ({ event, client, context, body }) => {
    // Bolt has acknowledged the event: Slack re-sends it if the ack was lost, and the delivery that
    // claims it first answers (a restarted replica included); the others stop here.
    if (!(await deps.redelivery.firstDelivery("event", body, context.retryNum))) return;
    const user = event.user;
    if (!user) return;
    const threadTs = event.thread_ts ?? event.ts;
    const replier = {
      client,
      since: performance.now(),
      ephemeral: (message: EphemeralMessage) =>
        client.chat.postEphemeral({ channel: event.channel, user, thread_ts: threadTs, ...message }),
    };
    await admit(deps.admission, {
      accept: async () => undefined,
      refuse: async (text) => {
        await tellAsker(replier, text, deps.log);
      },
      work: () =>
        answerInSlack(
          { text: mentionText(event.text) },
          { channelId: event.channel, userId: user, threadTs, workspaceId: body.team_id },
          replier,
          deps,
        ),
    });
  });
}
