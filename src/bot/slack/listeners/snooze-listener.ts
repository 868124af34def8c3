/** The low-stock alert's "Snooze 24 h" button: acknowledge, snooze its products, tell the presser. */
import type { App, BlockButtonAction } from "@slack/bolt";
import { parseSnoozeValue, SNOOZE_ACTION_ID } from "../alert-blocks.js";
import type { SlackDeps } from "../slack-deps.js";
import { tellAsker } from "../slack-reply.js";

export function registerSnoozeListener(app: App, deps: SlackDeps): void {
  app.action<BlockButtonAction>(SNOOZE_ACTION_ID, async ({ ack, action, body, client, respond }) => {
    await ack();
    const replier = {
      client,
      ephemeral: (message: { text: string }) =>
        respond({ response_type: "ephemeral", replace_original: false, ...message }),
    };
    if (!deps.snooze) {
      await tellAsker(replier, "Snoozing needs the scheduler, which is not running here.", deps.log);
      return;
    }
    const skus = parseSnoozeValue(action.value ?? "");
    deps.log.info({ platform: "slack", user: body.user.id, skus: skus.length }, "alert snoozed");
    await tellAsker(replier, await deps.snooze(skus), deps.log);
  });
}
