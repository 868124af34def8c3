/** The machine a benchmark ran on: cores, RAM, Node, database server version, load average. */
import { cpus, loadavg, totalmem } from "node:os";
import { connectServer } from "../src/db/connect.js";
import { MB } from "./stats.js";

export interface Machine {
  readonly cpu: string;
  readonly cores: number;
  readonly ramGb: number;
  readonly node: string;
  readonly database: string;
}

export async function describeMachine(databaseUrl: string): Promise<Machine> {
  const { connection } = await connectServer(databaseUrl);
  try {
    const [rows] = await connection.query("SELECT VERSION() AS version");
    const version = String((rows as Array<{ version: string }>)[0]?.version ?? "unknown");
    return {
      cpu: cpus()[0]?.model ?? "unknown",
      cores: cpus().length,
      ramGb: Math.round(totalmem() / MB / 1024),
      node: process.version,
      database: version,
    };
  } finally {
    await connection.end();
  }
}

/** 1-, 5- and 15-minute load averages, rounded. */
export function loadAverage(): [number, number, number] {
  const [one = 0, five = 0, fifteen = 0] = loadavg().map((v) => Math.round(v * 100) / 100);
  return [one, five, fifteen];
}
