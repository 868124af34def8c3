/** `kpi serve` (`npm start`): the bot server with every configured chat platform and the scheduler. */
import type { Command } from "commander";
import type { CliContext } from "./context.js";

export function registerServeCommand(program: Command, context: CliContext): void {
  program
    .command("serve")
    .description("run the bot server: Slack (HTTP or Socket Mode) and Teams, as configured")
    .action(async () => {
      const { config, log } = context;
      // The server, the engine and the chat SDKs load only here, so other kpi commands start fast.
      const [{ startBot }, { checkReadonlyAccount }] = await Promise.all([
        import("../app/bot-app.js"),
        import("../app/startup-checks.js"),
      ]);
      await checkReadonlyAccount(config, log);
      log.info({ policy: config.chat.access.source }, "access policy loaded");
      let stop: () => void = () => undefined;
      const stopped = new Promise<void>((resolve) => {
        stop = resolve;
      });
      process.once("SIGINT", () => stop());
      process.once("SIGTERM", () => stop());
      const bot = await startBot(config, { log, eagerCharts: true });
      await stopped;
      log.info("shutting down");
      await bot.stop();
    });
}
