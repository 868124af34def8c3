/**
 * `kpi schedule tick [--at <ISO time>]`: runs once everything due at that instant (what the
 * server does every minute) and exits; exit code 1 when a delivery failed for good.
 * `kpi alerts check [--at]`, `kpi alerts snooze <sku...> [--hours 24]`, `kpi alerts list`,
 * `kpi alerts add "<alert>" --target <platform:id>`, `kpi alerts pause|resume|remove <id>`.
 * The work loads only when a sub-command runs (schedule-actions.ts).
 */
import type { Command } from "commander";
import { UserError } from "../errors.js";
import { SNOOZE_MS } from "../schedule/alert-message.js";
import { parseAtOption } from "./at-option.js";
import type { CliContext } from "./context.js";

const actions = () => import("./schedule-actions.js");

export function registerScheduleCommands(program: Command, context: CliContext): void {
  const schedule = program.command("schedule").description("scheduled digests");
  schedule
    .command("tick")
    .description(
      "send, once, every digest due at an instant (slots not yet claimed, inside the catch-up window)",
    )
    .option("--at <time>", "the instant, ISO with zone (default: now), e.g. 2026-11-25T08:00:00Z")
    .action(async (options: { at?: string }) =>
      (await actions()).tickAction(context, parseAtOption(options.at)),
    );

  const alerts = program
    .command("alerts")
    .description(
      "alerts on any KPI (kpi alerts add|list|pause|resume|remove) and low-stock alerts (ALERT_CHANNEL)",
    );
  alerts
    .command("check")
    .description("run the low-stock check once: alert newly low products, note recovered ones")
    .option("--at <time>", "the instant, ISO with zone (default: now)")
    .action(async (options: { at?: string }) =>
      (await actions()).alertCheckAction(context, parseAtOption(options.at)),
    );

  alerts
    .command("snooze")
    .description("no low-stock alert for these products until the snooze ends")
    .argument("<skus...>", "product SKUs")
    .option("--hours <hours>", "how long", String(SNOOZE_MS / 3_600_000))
    .option("--at <time>", "from this ISO time (default: now)")
    .action(async (skus: string[], options: { hours: string; at?: string }) => {
      const hours = Number(options.hours);
      if (!(hours > 0 && hours <= 24 * 90))
        throw new UserError("invalid_hours", "--hours must be between 0 and 2160.");
      const at = parseAtOption(options.at);
      const until = new Date(at.getTime() + hours * 3_600_000);
      await (await actions()).snoozeAction(context, skus, until, at);
    });

  alerts
    .command("list")
    .description(
      "alerts on a KPI (state, check time, last message and its failure) and low-stock state per product",
    )
    .action(async () => (await actions()).alertListAction(context));

  alerts
    .command("add")
    .description(
      'an alert on a KPI, in the words of /kpi alert: kpi alerts add "roas < 1 platform=meta" --target slack:C123',
    )
    .argument("<alert...>", "the alert, e.g. roas < 1 platform=meta (quote it in the shell)")
    .requiredOption(
      "--target <target>",
      "where its messages go: slack:<channel id> or teams:<conversation id>",
    )
    .action(async (words: string[], options: { target: string }) =>
      (await actions()).alertAddAction(context, words.join(" "), options.target),
    );

  for (const op of ["pause", "resume", "remove"] as const) {
    alerts
      .command(op)
      .description(`${op} an alert on a KPI`)
      .argument("<id>", "its id (kpi alerts list)")
      .action(async (id: string) => (await actions()).alertChangeAction(context, op, id));
  }
}
