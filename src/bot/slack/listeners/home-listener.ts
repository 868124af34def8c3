/** The App Home tab: published (views.publish) each time someone opens it. */
import type { App } from "@slack/bolt";
import { homeView } from "../home-view.js";
import type { SlackDeps } from "../slack-deps.js";
import { slackErrorCode } from "../slack-errors.js";

export function registerHomeListener(app: App, deps: SlackDeps): void {
  app.event("app_home_opened", async ({ event, client }) => {
    if (event.tab !== "home") return;
    try {
      await client.views.publish({ user_id: event.user, view: homeView() });
    } catch (error) {
      deps.log.warn({ platform: "slack", slackError: slackErrorCode(error) }, "App Home not published");
    }
  });
}
