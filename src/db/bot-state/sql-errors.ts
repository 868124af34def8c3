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

/** How many times a deadlock victim runs in all before its error is let through. */
const DEADLOCK_ATTEMPTS = 3;

/**
 * Runs `statement` (one autocommit statement, or a whole transaction it opens itself) again
 * when InnoDB picks it as a deadlock victim: the victim was rolled back whole, so nothing of it
 * stands and running it again is safe. Inside a caller's transaction it is not run again (the
 * caller's whole transaction was rolled back, not just this statement).
 */
export async function againOnDeadlock<T>(
  db: { readonly isTransaction: boolean },
  statement: () => Promise<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await statement();
    } catch (error) {
      if (db.isTransaction || !isDeadlock(error) || attempt >= DEADLOCK_ATTEMPTS) throw error;
    }
  }
}
