#!/usr/bin/env node
// Entry point of the `kpi` command. Runs the compiled JavaScript in dist/ (`npm run build`)
// when it is there and no source file is newer; otherwise the TypeScript sources through tsx
// (development and tests), so an edit is never hidden behind an old build.
import { existsSync, readdirSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";

const built = new URL("../dist/src/cli/main.js", import.meta.url);

/** The newest modification time of the files under `dir`, in ms. */
function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) latest = Math.max(latest, statSync(`${entry.parentPath}/${entry.name}`).mtimeMs);
  }
  return latest;
}

function buildIsCurrent() {
  const main = fileURLToPath(built);
  if (!existsSync(main)) return false;
  const sources = ["../src", "../generator"].map((dir) => fileURLToPath(new URL(dir, import.meta.url)));
  if (!sources.every(existsSync)) return true; // a deployment that ships dist/ only
  return Math.max(...sources.map(newest)) <= statSync(main).mtimeMs;
}

let main;
if (buildIsCurrent()) {
  ({ main } = await import(built.href));
} else {
  const { register } = await import("tsx/esm/api");
  register();
  ({ main } = await import("../src/cli/main.ts"));
}
process.exitCode = await main(process.argv);
