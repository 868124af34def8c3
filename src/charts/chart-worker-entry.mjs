// Entry of a chart worker thread (see chart-pool.ts). A worker does not get the TypeScript
// loader that bin/kpi.js or vitest set up for the main thread, so it registers tsx itself
// (harmless when `node --import tsx` already gave it one) and then loads the worker.
import { register } from "tsx/esm/api";

register();
await import("./chart-worker.ts");
