/**
 * The configuration of a bot server a benchmark starts in a child process (slack-server-child.ts,
 * fanout-server-child.ts): the environment it was given, with the test Slack app's token and
 * signing secret, any free port, and euros.
 */
import { type Config, loadConfig } from "../src/config.js";
import { BOT_TOKEN, SIGNING_SECRET } from "../test/helpers/slack-bot.js";

export function benchServerConfig(): Config {
  return loadConfig({
    ...process.env,
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    PORT: "0",
    CURRENCY: "EUR",
  });
}
