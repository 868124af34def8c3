/**
 * The generator's baseline: the same rows `kpi generate` would load, pre-generated into
 * LOAD DATA files (not timed, bench/pregenerate.ts), then loaded with plain
 * LOAD DATA LOCAL INFILE table by table in foreign-key order. Rows/s of the loads alone.
 */
import { createReadStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadTable } from "../generator/load/load-data.js";
import { parseGenerateOptions } from "../generator/options.js";
import { connect } from "../src/db/connect.js";
import type { GenerateSpec } from "./bench-database.js";
import { pregenerate } from "./pregenerate.js";

export interface RawLoadRun {
  readonly rows: number;
  readonly seconds: number;
}

export async function rawLoad(url: string, spec: GenerateSpec): Promise<RawLoadRun> {
  const options = parseGenerateOptions(
    { seed: String(spec.seed), scale: String(spec.scale), endDate: spec.endDate, days: String(spec.days) },
    spec.endDate,
  );
  const dir = await mkdtemp(join(tmpdir(), "kpi-bench-"));
  try {
    const files = pregenerate(options, dir);
    const { connection } = await connect(url);
    try {
      await connection.query("SET @kpi_bulk_load = 1, SESSION unique_checks = 0");
      const started = performance.now();
      let rows = 0;
      for (const file of files) {
        const stream = createReadStream(file.path, { highWaterMark: 1 << 20 });
        rows += await loadTable(connection, file, stream, () => file.rows);
      }
      return { rows, seconds: (performance.now() - started) / 1000 };
    } finally {
      await connection.end();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
