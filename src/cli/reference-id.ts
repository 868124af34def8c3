import { randomBytes } from "node:crypto";

/** A short id that ties what a person sees ("ref 7f3a") to the full log entry. */
export function referenceId(): string {
  return randomBytes(2).toString("hex");
}
