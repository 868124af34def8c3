/** `kpi serve` (`npm start`): the bot server with every configured chat channel. */
import type { Command } from "commander";
import type { ChatChannel } from "../bot/chat-channel.js";
import type { CliContext } from "./context.js";

export function registerServeCommand(program: Command, context: CliContext): void {
  program
    .command("serve")
    .description("run the bot server: Slack (HTTP or Socket Mode) and Teams, as configured")
    .action(async () => {
      const { config, log } = context;
      // The server, the engine and the chat SDKs load only here, so other kpi commands start fast.
      const [{ createBotScheduling }, { createEngine }, { checkReadonlyAccount }, { startServer }] =
        await Promise.all([
          import("../app/bot-scheduling.js"),
          import("../app/engine.js"),
          import("../app/startup-checks.js"),
          import("../bot/server.js"),
        ]);
      const { createChartRenderer } = await import("../charts/chart-renderer.js");
      const { createBotStateDb } = await import("../db/bot-state/bot-state-db.js");
      const now = () => new Date();
      await checkReadonlyAccount(config, log);
      log.info({ policy: config.chat.access.source }, "access policy loaded");
      // One bot-state db for the process: the audit, the scheduler and Teams references share its pool.
      const botState = createBotStateDb(config.databaseUrl);
      const engine = createEngine(config, now, { botState });
      // Charts are drawn in worker threads, started now so the first chart does not wait ~250 ms
      // for one; acks never wait on a chart.
      const charts = createChartRenderer(config.chartWorkers, { eager: true });
      const { createSlackChannel } = await import("../bot/slack/slack-channel.js");
      const { createTeamsChannel } = await import("../bot/teams/teams-channel.js");
      const scheduling = createBotScheduling(config, log, now, charts, botState);
      const deps = {
        config,
        engine,
        log,
        charts,
        now,
        botState,
        scheduleCommands: scheduling.commands,
        snooze: scheduling.snooze,
      };
      const channels: ChatChannel[] = [];
      if (config.chat.slack) channels.push(createSlackChannel(deps));
      else log.info("Slack disabled: no SLACK_ variable is set");
      const teams = config.chat.teams ? createTeamsChannel(deps) : undefined;
      if (teams) channels.push(teams);
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
      scheduling.start(teams);
      await stopped;
      log.info("shutting down");
      await scheduling.stop();
      await server.close();
      await charts.close();
      await engine.close();
      await botState.destroy();
    });
}
