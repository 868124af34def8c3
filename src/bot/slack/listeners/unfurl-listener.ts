/**
 * `link_shared` (subscribed only when PUBLIC_BASE_URL is an https address and CHART_URL_SECRET
 * is set): the bot's own chart and CSV links get a preview through chat.unfurl; foreign links
 * are left alone (no call at all when none of the shared links is the bot's).
 */
import type { App } from "@slack/bolt";
import { type UnfurlSettings, unfurlsFor } from "../link-unfurl.js";
import type { SlackDeps } from "../slack-deps.js";
import { slackErrorCode } from "../slack-errors.js";

export function registerUnfurlListener(app: App, deps: SlackDeps, settings: UnfurlSettings): void {
  app.event("link_shared", async ({ event, client, body, context }) => {
    const unfurls = unfurlsFor(event.links, settings);
    const count = Object.keys(unfurls).length;
    if (count === 0) return;
    if (!(await deps.redelivery.firstDelivery("event", body, context.retryNum))) return;
    // A link typed in the composer (not yet posted) is unfurled by its unfurl_id.
    const where =
      event.source === "composer" && event.unfurl_id
        ? { unfurl_id: event.unfurl_id, source: event.source }
        : { channel: event.channel, ts: event.message_ts };
    try {
      await client.chat.unfurl({ ...where, unfurls } as Parameters<typeof client.chat.unfurl>[0]);
      deps.log.info({ platform: "slack", channel: event.channel, links: count }, "links unfurled");
    } catch (error) {
      deps.log.warn({ platform: "slack", slackError: slackErrorCode(error) }, "links not unfurled");
    }
  });
}
