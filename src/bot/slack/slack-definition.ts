/**
 * Slack as a chat platform: `slack:<channel id>` targets, its access-policy keys (channels
 * and users), its variables. Bolt and the Web API client load only when it is opened.
 */
import type { PlatformDefinition } from "../chat-platform.js";
import { readSlackConfig, SLACK_ENV_KEYS, type SlackConfig } from "./slack-config.js";
import type { SlackOptions } from "./slack-options.js";

/** Slack channel (C…), private channel (G…) and direct message (D…) ids. */
const CHANNEL_ID = /^[A-Za-z0-9]{2,}$/;

export function slackPlatform(options: SlackOptions = {}): PlatformDefinition<SlackConfig> {
  return {
    name: "slack",
    readConfig: (env) => readSlackConfig(env),
    envKeys: SLACK_ENV_KEYS,
    disabledNote: "Slack disabled: no SLACK_ variable is set",
    targets: {
      example: "slack:C0123ABC",
      parseId: (id) => (CHANNEL_ID.test(id) ? id : undefined),
      bareId: /^[CGD][A-Z0-9]{2,}$/,
    },
    policyKeys: { channels: "channel", users: "user" },
    async open(config, deps) {
      const { openSlack } = await import("./slack-platform.js");
      return openSlack(config, deps, options);
    },
  };
}
