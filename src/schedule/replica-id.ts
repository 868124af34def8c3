/** A name for this process in ledger claims: host:pid:random (unique per process start). */
import { randomBytes } from "node:crypto";
import { hostname } from "node:os";

export function defaultReplicaId(): string {
  return `${hostname().slice(0, 80)}:${process.pid}:${randomBytes(3).toString("hex")}`;
}
