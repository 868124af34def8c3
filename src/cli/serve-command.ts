/** `kpi serve` (`npm start`): the bot server with every configured chat channel. */
import type { Command } from "commander";
import { createEngine } from "../app/engine.js";
import type { ChatChannel } from "../bot/chat-channel.js";
import { startServer } from "../bot/server.js";
import { createSlackChannel } from "../bot/slack/slack-channel.js";
import { createTeamsChannel } from "../bot/teams/teams-channel.js";
import type { CliContext } from "./context.js";

export function registerServeCommand(program: Command, context: CliContext): void {
  program
    .command("serve")
    .description("run the bot server: Slack (HTTP or Socket Mode) and Teams, as configured")
    .action(async () => {
      const { config, log } = context;
      const now = () => new Date();
      const engine = createEngine(config, now);
      const deps = { config, engine, log, now };
      const channels: ChatChannel[] = [];
      if (config.chat.slack) channels.push(createSlackChannel(deps));
      else log.info("Slack disabled: no SLACK_ variable is set");
      if (config.chat.teams) channels.push(createTeamsChannel(deps));
      else
        log.info(
          "Teams disabled: set TEAMS_APP_ID, TEAMS_APP_PASSWORD and TEAMS_TENANT_ID (or TEAMS_ALLOW_ANONYMOUS=true for local development)",
        );
      if (config.chat.teams?.mode === "anonymous") {
        log.warn("Teams accepts anonymous requests (TEAMS_ALLOW_ANONYMOUS=true): for local development only");
      }
      let stop: () => void = () => undefined;
      const stopped = new Promise<void>((resolve) => {
        stop = resolve;
      });
      process.once("SIGINT", () => stop());
      process.once("SIGTERM", () => stop());
      const server = await startServer({ port: config.chat.port, channels, log });
      await stopped;
      log.info("shutting down");
      await server.close();
      await engine.close();
    });
}
