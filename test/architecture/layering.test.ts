/**
 * The code's seams, checked on every run: no import cycle between files or between the
 * top-level folders of src/, and the lower layers never reach up — the Answer, metrics,
 * charts and the command language import nothing from the chat platforms, the database or
 * the composition root; only the platform registry names a platform's folder.
 */
import { describe, expect, it } from "vitest";
import { cyclesOf, readImportGraph, roomGraph, roomOf } from "./import-graph.js";

const graph = readImportGraph();
const rooms = roomGraph(graph);

/** Imports from `from` (a room or a folder prefix) into `into` (a room or folder prefix). */
function importsBetween(from: string, into: readonly string[]): string[] {
  const found: string[] = [];
  for (const [file, targets] of graph.edges) {
    if (!file.startsWith(`${from}/`) && file !== from) continue;
    for (const target of targets) {
      if (into.some((prefix) => target === prefix || target.startsWith(`${prefix}/`))) {
        found.push(`${file} → ${target}`);
      }
    }
  }
  return found;
}

describe("the import graph of src/", () => {
  it("reads a real graph (every source file, its imports)", () => {
    expect(graph.edges.size).toBeGreaterThan(150);
    expect(graph.edges.get("bot/platforms.ts")).toContain("bot/slack/slack-definition.ts");
  });

  it("has no cycle between files", () => {
    expect(cyclesOf(graph.edges)).toEqual([]);
  });

  it("has no cycle between folders", () => {
    expect(cyclesOf(rooms)).toEqual([]);
  });

  it.each(["answer", "metrics", "charts", "commands", "calendar"])(
    "%s imports nothing from bot, db, app, engine, schedule, security or the configuration",
    (room) => {
      expect(
        importsBetween(room, [
          "bot",
          "db",
          "app",
          "engine",
          "schedule",
          "security",
          "cli",
          "config.ts",
          "config-chat.ts",
          "config-schedule.ts",
          "config-security.ts",
        ]),
      ).toEqual([]);
    },
  );

  it("the Answer, metrics and the calendar stand on nothing above them", () => {
    expect(
      importsBetween("calendar", ["answer", "metrics", "areas", "commands", "charts", "render"]),
    ).toEqual([]);
    expect(importsBetween("answer", ["metrics", "areas", "commands", "charts", "render"])).toEqual([]);
    expect(importsBetween("metrics", ["areas", "commands", "charts", "render"])).toEqual([]);
  });

  it("only the composition root and the CLI import the composition root; only the CLI imports the CLI", () => {
    const intoApp = [...graph.edges].flatMap(([file, targets]) =>
      [...targets]
        .filter((t) => roomOf(t) === "app" && !["app", "cli"].includes(roomOf(file)))
        .map((t) => `${file} → ${t}`),
    );
    const intoCli = [...graph.edges].flatMap(([file, targets]) =>
      [...targets].filter((t) => roomOf(t) === "cli" && roomOf(file) !== "cli").map((t) => `${file} → ${t}`),
    );
    expect([...intoApp, ...intoCli]).toEqual([]);
  });

  it("a platform's folder is reached only through the registry (bot/platforms.ts)", () => {
    const platformFolders = ["bot/slack", "bot/teams"];
    const outside = [...graph.edges].flatMap(([file, targets]) =>
      [...targets]
        .filter((target) => platformFolders.some((folder) => target.startsWith(`${folder}/`)))
        .filter(
          (target) =>
            !platformFolders.some(
              (folder) => file.startsWith(`${folder}/`) && target.startsWith(`${folder}/`),
            ),
        )
        .filter(() => file !== "bot/platforms.ts")
        .map((target) => `${file} → ${target}`),
    );
    expect(outside).toEqual([]);
  });
});
