/** `kpi serve` (`npm start`): the bot server with every configured chat platform and the scheduler. */
import type { Command } from "commander";
import { projectVersion } from "../project-files.js";
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
      const compiled = import.meta.url.endsWith(".js");
      log.info(
        { version: projectVersion(), code: compiled ? "dist" : "sources" },
        compiled
          ? "running the build in dist/"
          : "running the TypeScript sources (npm run build makes dist/)",
      );
      let stop: (signal: NodeJS.Signals) => void = () => undefined;
      const stopped = new Promise<NodeJS.Signals>((resolve) => {
        stop = resolve;
      });
      const onSignal = (signal: NodeJS.Signals) => {
        stop(signal);
        // A second signal does not wait for the grace period.
        process.once(signal, () => {
          log.warn({ signal }, "second signal: stopping now");
          process.exit(1);
        });
      };
      process.once("SIGINT", onSignal);
      process.once("SIGTERM", onSignal);
      const bot = await startBot(config, { log, eagerCharts: true });
      const signal = await stopped;
      log.info({ signal }, "shutting down");
      const finished = await bot.stop();
      log.info({ finished }, "stopped");
      process.exitCode = 0;
    });
}
