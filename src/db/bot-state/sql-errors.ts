/** Server errors the bot-state stores expect and turn into an outcome instead of a failure. */

/** A unique key refused the row: another replica claimed it first. */
export function isDuplicateKey(error: unknown): boolean {
  return (error as { code?: string }).code === "ER_DUP_ENTRY";
}

/** A foreign key refused the row: its parent (a subscription) was deleted meanwhile. */
export function isMissingParent(error: unknown): boolean {
  return (error as { code?: string }).code === "ER_NO_REFERENCED_ROW_2";
}

/** InnoDB chose this transaction as a deadlock victim (rolled back whole): it may simply run again. */
export function isDeadlock(error: unknown): boolean {
  return (error as { code?: string }).code === "ER_LOCK_DEADLOCK";
}
