/** The `--at <ISO time>` option of the scheduler commands (the CLI edge reads the real clock). */
import { UserError } from "../errors.js";

/** `--at 2026-11-25T08:00:00Z`: an ISO instant with its zone (Z or ±hh:mm); now when absent. */
export function parseAtOption(text: string | undefined): Date {
  if (text === undefined) return new Date();
  const valid = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.test(text.trim());
  const at = new Date(text.trim());
  if (!valid || Number.isNaN(at.getTime())) {
    throw new UserError("invalid_at", "--at must be an ISO time with a zone, e.g. 2026-11-25T08:00:00Z.");
  }
  return at;
}
