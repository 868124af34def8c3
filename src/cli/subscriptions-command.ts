/**
 * `kpi subscriptions add | list | remove | pause | resume`: digest subscriptions for
 * operators and tests (people use /kpi subscribe in chat). The work loads only when a
 * sub-command runs (subscriptions-actions.ts), so `kpi --help` stays light.
 */
import type { Command } from "commander";
import type { CliContext } from "./context.js";
import type { AddOptions } from "./subscriptions-actions.js";

const actions = () => import("./subscriptions-actions.js");

export function registerSubscriptionsCommand(program: Command, context: CliContext): void {
  const subscriptions = program
    .command("subscriptions")
    .description("digest subscriptions: add, list, remove, pause, resume");

  subscriptions
    .command("add")
    .description("add a digest subscription; prints its id")
    .requiredOption("--target <target>", "slack:<channel id> or teams:<conversation id>")
    .requiredOption("--areas <areas>", "comma-separated areas, e.g. campaigns,orders")
    .requiredOption("--cron <expr>", 'five-field cron expression, e.g. "0 9 * * *"')
    .option("--tz <zone>", "IANA time zone the cron is read in (default: REPORT_TIMEZONE)")
    .option(
      "--period <period>",
      "period of each digest (default by schedule: daily → yesterday, weekly → last-7d)",
    )
    .option("--filters <filters>", 'filters for every area, e.g. "platform=meta"')
    .option("--created-by <who>", "who asked for it", "cli")
    .option("--quiet", "send only when a KPI moved (and a 'nothing unusual' line once a week)")
    .action(async (options: AddOptions) => (await actions()).addAction(context, options));

  subscriptions
    .command("list")
    .description("list subscriptions with their next run in their own zone")
    .option("--target <target>", "only this target's")
    .option("--json", "print JSON")
    .option("--at <time>", "compute next runs from this ISO time instead of now")
    .action(async (options: { target?: string; json?: boolean; at?: string }) =>
      (await actions()).listAction(context, options),
    );

  subscriptions
    .command("remove")
    .description("remove a subscription and its delivery history")
    .argument("<id>", "subscription id")
    .action(async (id: string) => (await actions()).removeAction(context, id));

  for (const [verb, paused] of [
    ["pause", true],
    ["resume", false],
  ] as const) {
    subscriptions
      .command(verb)
      .description(paused ? "pause a subscription" : "resume a paused subscription (slots count from now)")
      .argument("<id>", "subscription id")
      .action(async (id: string) => (await actions()).pauseAction(context, id, paused));
  }
}
