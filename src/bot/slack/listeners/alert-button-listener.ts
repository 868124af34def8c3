/** The Snooze 24 h and Mute buttons of an alert on a KPI: acknowledge, act for the channel pressed in, tell the presser. */
import type { App, BlockButtonAction } from "@slack/bolt";
import { alertIdOfValue, METRIC_ALERT_MUTE_ID, METRIC_ALERT_SNOOZE_ID } from "../metric-alert-blocks.js";
import type { SlackDeps } from "../slack-deps.js";
import { tellAsker } from "../slack-reply.js";

export function registerAlertButtonListener(app: App, deps: SlackDeps): void {
  for (const [actionId, action] of [
    [METRIC_ALERT_SNOOZE_ID, "snooze"],
    [METRIC_ALERT_MUTE_ID, "mute"],
  ] as const) {
    app.action<BlockButtonAction>(actionId, async ({ ack, action: button, body, client, respond }) => {
      await ack();
      const replier = {
        client,
        ephemeral: (message: { text: string }) =>
          respond({ response_type: "ephemeral", replace_original: false, ...message }),
      };
      const alertId = alertIdOfValue(button.value);
      const channelId = body.channel?.id;
      if (!deps.alertButton || alertId === undefined || !channelId) {
        await tellAsker(
          replier,
          "That button no longer works — /kpi alerts lists this channel's alerts.",
          deps.log,
        );
        return;
      }
      deps.log.info({ platform: "slack", user: body.user.id, alert: alertId, action }, "alert button");
      const reply = await deps.alertButton({
        action,
        alertId,
        platform: "slack",
        channelId,
        userId: body.user.id,
      });
      await tellAsker(replier, reply, deps.log);
    });
  }
}
