/**
 * Slack's assistant container (SLACK_ASSISTANT=true, manifest `assistant_view`), through Bolt's
 * Assistant: a new assistant thread gets suggested prompts (the asker's recent questions, then
 * an example per area they may ask about); a message there sets the status ("is thinking…") and
 * the thread's title (the question), then is answered as a mention is — the same answer, buttons,
 * charts, follow-ups (the thread's context) and access policy, the assistant's direct-message
 * channel being where it was asked. A change of the channel the person views
 * (assistant_thread_context_changed) changes nothing: what may be seen is decided by the asker
 * and the direct-message channel, never by the channel on screen.
 */
import { type App, Assistant } from "@slack/bolt";
import { AREA_NAMES } from "../../../areas/registry.js";
import { mayAsk } from "../../../security/access-policy.js";
import { PROMPTS_TITLE, suggestedPrompts } from "../assistant-prompts.js";
import type { SlackDeps } from "../slack-deps.js";
import { slackErrorCode } from "../slack-errors.js";
import type { EphemeralMessage } from "../slack-reply.js";
import { answerMessage } from "./answer-message.js";
import { mentionText } from "./mention-listener.js";

export const THINKING_STATUS = "is thinking…";
/** Slack cuts thread titles; ours stay short. */
const MAX_TITLE_CHARS = 100;

/** Bolt's default store reads and rewrites thread history to keep the viewed channel; nothing here uses it. */
const NO_THREAD_CONTEXT = { get: async () => ({}), save: async () => undefined };

export function registerAssistantListener(app: App, deps: SlackDeps): void {
  const warn = (what: string) => (error: unknown) =>
    deps.log.warn({ platform: "slack", slackError: slackErrorCode(error) }, what);
  const assistant = new Assistant({
    threadContextStore: NO_THREAD_CONTEXT,
    threadStarted: async ({ event, body, context, setSuggestedPrompts }) => {
      if (!(await deps.redelivery.firstDelivery("event", body, context.retryNum))) return;
      const { user_id: userId, channel_id: channelId } = event.assistant_thread;
      const recent = (await deps.recentQuestions?.(userId).catch(() => [])) ?? [];
      const areas = AREA_NAMES.filter((area) =>
        mayAsk(deps.access, area, { platform: "slack", channelId, userId }),
      );
      await setSuggestedPrompts({ prompts: suggestedPrompts(recent, areas), title: PROMPTS_TITLE }).catch(
        warn("assistant prompts not set"),
      );
    },
    threadContextChanged: async () => undefined,
    userMessage: async ({ message, body, context, client, setStatus, setTitle }) => {
      if (!("user" in message) || !message.user || ("bot_id" in message && message.bot_id)) return;
      if (!("text" in message) || typeof message.text !== "string") return;
      if (!(await deps.redelivery.firstDelivery("event", body, context.retryNum))) return;
      const { user, channel, text } = message;
      const threadTs = "thread_ts" in message ? message.thread_ts : undefined;
      await setStatus(THINKING_STATUS).catch(warn("assistant status not set"));
      await setTitle(mentionText(text).slice(0, MAX_TITLE_CHARS)).catch(warn("assistant title not set"));
      // The assistant thread is the asker's own: what would be ephemeral elsewhere is a reply there.
      const replier = {
        client,
        since: performance.now(),
        ephemeral: (reply: EphemeralMessage) =>
          client.chat.postMessage({ channel, thread_ts: threadTs, ...reply }),
      };
      await answerMessage(text, { channel, user, threadTs, team: body.team_id }, replier, deps);
    },
  });
  app.assistant(assistant);
}
