/**
 * Views may read other views. Orders view files so that each comes after the views it
 * names (file name = view name), keeping name order otherwise.
 */
import type { SqlFile } from "./sql-files.js";

export function orderViews(files: readonly SqlFile[]): SqlFile[] {
  const byName = new Map(files.map((f) => [f.name, f]));
  const ordered: SqlFile[] = [];
  const state = new Map<string, "visiting" | "done">();

  const visit = (file: SqlFile, path: string[]): void => {
    const seen = state.get(file.name);
    if (seen === "done") return;
    if (seen === "visiting") {
      throw new Error(`views depend on each other in a cycle: ${[...path, file.name].join(" -> ")}`);
    }
    state.set(file.name, "visiting");
    for (const dependency of dependenciesOf(file, byName)) {
      visit(dependency, [...path, file.name]);
    }
    state.set(file.name, "done");
    ordered.push(file);
  };

  for (const file of files) visit(file, []);
  return ordered;
}

function dependenciesOf(file: SqlFile, byName: Map<string, SqlFile>): SqlFile[] {
  const body = file.sql.replace(/--[^\n]*/g, "");
  const names = new Set(body.match(/\bv_[a-z0-9_]+\b/gi) ?? []);
  names.delete(file.name);
  return [...names].sort().flatMap((n) => {
    const dependency = byName.get(n);
    return dependency ? [dependency] : [];
  });
}
