/**
 * The import graph of src/, read from the sources as text: every static import and export
 * (type-only ones included), and every dynamic import() of a relative path. Nodes are files
 * (paths relative to src/); a file's "room" is its top-level folder (`bot`, `schedule`) or,
 * for a file directly in src/, the file itself (`config.ts`).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const SRC = resolve(dirname(fileURLToPath(import.meta.url)), "../../src");

const SPECIFIER = /(?:\bfrom\s+|\bimport\s*\(\s*|^\s*import\s+)["'](\.{1,2}\/[^"']+)["']/gmu;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|mts|mjs)$/u.test(name) ? [path] : [];
  });
}

export interface ImportGraph {
  /** file → the files it imports (both relative to src/, with /). */
  readonly edges: ReadonlyMap<string, ReadonlySet<string>>;
}

export function readImportGraph(): ImportGraph {
  const edges = new Map<string, Set<string>>();
  for (const file of sourceFiles(SRC)) {
    const from = relative(SRC, file).split("\\").join("/");
    const targets = new Set<string>();
    for (const match of readFileSync(file, "utf8").matchAll(SPECIFIER)) {
      const specifier = (match[1] ?? "").replace(/\.js$/u, ".ts");
      const target = relative(SRC, resolve(dirname(file), specifier))
        .split("\\")
        .join("/");
      if (!target.startsWith("..")) targets.add(target);
    }
    edges.set(from, targets);
  }
  return { edges };
}

/** `bot/slack/x.ts` → `bot`; `config.ts` → `config.ts`. */
export function roomOf(file: string): string {
  const slash = file.indexOf("/");
  return slash === -1 ? file : file.slice(0, slash);
}

/** The graph between rooms: an edge where any file of one imports any file of the other. */
export function roomGraph(graph: ImportGraph): Map<string, Set<string>> {
  const rooms = new Map<string, Set<string>>();
  for (const [from, targets] of graph.edges) {
    const room = roomOf(from);
    const out = rooms.get(room) ?? new Set<string>();
    for (const target of targets) if (roomOf(target) !== room) out.add(roomOf(target));
    rooms.set(room, out);
  }
  return rooms;
}

/** The cycles of a graph (each as the nodes of one strongly connected component of 2+ nodes, or a self-loop). */
export function cyclesOf(graph: ReadonlyMap<string, ReadonlySet<string>>): string[][] {
  let index = 0;
  const indices = new Map<string, number>();
  const lowlinks = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (node: string): void => {
    indices.set(node, index);
    lowlinks.set(node, index);
    index += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!indices.has(next)) {
        visit(next);
        lowlinks.set(node, Math.min(lowlinks.get(node) ?? 0, lowlinks.get(next) ?? 0));
      } else if (onStack.has(next)) {
        lowlinks.set(node, Math.min(lowlinks.get(node) ?? 0, indices.get(next) ?? 0));
      }
    }
    if (lowlinks.get(node) === indices.get(node)) {
      const component: string[] = [];
      let member: string | undefined;
      do {
        member = stack.pop();
        if (member === undefined) break;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || graph.get(node)?.has(node)) cycles.push(component.sort());
    }
  };
  for (const node of graph.keys()) if (!indices.has(node)) visit(node);
  return cycles;
}
