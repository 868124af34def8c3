/** Every Slack listener, registered per kind (as Slack's own samples do). */
import type { App } from "@slack/bolt";
import type { SlackDeps } from "../slack-deps.js";
import { registerActionListener } from "./action-listener.js";
import { registerAlertButtonListener } from "./alert-button-listener.js";
import { registerAssistantListener } from "./assistant-listener.js";
import { registerCommandListener } from "./command-listener.js";
import { registerDirectMessageListener } from "./direct-message-listener.js";
import { registerFormListener } from "./form-listener.js";
import { registerHomeListener } from "./home-listener.js";
import { registerMentionListener } from "./mention-listener.js";
import { registerSnoozeListener } from "./snooze-listener.js";
import { registerUnfurlListener } from "./unfurl-listener.js";

export function registerListeners(app: App, deps: SlackDeps): void {
  // With the assistant feature (SLACK_ASSISTANT): its threads first, then other direct messages.
  if (deps.assistant) {
    registerAssistantListener(app, deps);
    registerDirectMessageListener(app, deps);
  }
  registerCommandListener(app, deps);
  registerMentionListener(app, deps);
  registerActionListener(app, deps);
  registerHomeListener(app, deps);
  registerFormListener(app, deps);
  registerSnoozeListener(app, deps);
  registerAlertButtonListener(app, deps);
  if (deps.unfurl) registerUnfurlListener(app, deps, deps.unfurl);
  app.error(async (error) => {
    deps.log.error(
      { platform: "slack", code: error.code, message: error.message.slice(0, 300) },
      "slack listener failed",
    );
  });
}
