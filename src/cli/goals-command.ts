/**
 * `kpi goals list | add <words…> | remove <id>`: the team's goals from a terminal, the same
 * commands and replies as `/kpi goal …` and `/kpi goals …` in chat (src/goals/goal-commands.ts).
 */
import type { Command } from "commander";
import type { CliContext } from "./context.js";

async function run(context: CliContext, verb: "goal" | "goals", args: readonly string[]): Promise<void> {
  const [{ runGoalCommand }, { withBotState }] = await Promise.all([
    import("../goals/goal-commands.js"),
    import("./with-bot-state.js"),
  ]);
  const reply = await withBotState(context, (db) =>
    runGoalCommand(
      verb,
      args,
      { platform: "cli", channelId: "terminal", userId: "cli", now: new Date() },
      {
        db,
        currency: context.config.currency,
      },
    ),
  );
  context.out(reply);
}

export function registerGoalsCommand(program: Command, context: CliContext): void {
  const goals = program.command("goals").description("goals and pacing: list, add, remove");
  goals
    .command("list", { isDefault: true })
    .description("list the goals")
    .action(() => run(context, "goals", ["list"]));
  goals
    .command("add")
    .description("set a goal: <kpi> <amount> week|month|quarter [key=value ...], e.g. revenue 250000 month")
    .argument("<words...>")
    .action((words: string[]) => run(context, "goal", words.flatMap((w) => w.split(/\s+/u)).filter(Boolean)));
  goals
    .command("remove")
    .description("remove a goal by its id")
    .argument("<id>")
    .action((id: string) => run(context, "goals", ["remove", id]));
}
