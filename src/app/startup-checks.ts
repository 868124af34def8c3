/**
 * Checks `kpi serve` runs before it listens. Teams anonymous mode and Slack HTTP mode
 * without a signing secret are refused by src/config-chat.ts; here: the account behind
 * DATABASE_URL_READONLY must not be able to write. In production that stops the server;
 * elsewhere it is a warning.
 */
import type { Config } from "../config.js";
import { redactUrl } from "../db/database-url.js";
import { writePrivilegesAt } from "../db/readonly-check.js";
import { UserError } from "../errors.js";
import type { Logger } from "../log.js";

export async function checkReadonlyAccount(config: Config, log: Logger): Promise<void> {
  const url = config.readonlyDatabaseUrl;
  if (!url) {
    if (config.chat.production) {
      log.warn("DATABASE_URL_READONLY is not set: the query path uses the owner account (DATABASE_URL)");
    }
    return;
  }
  const privileges = await writePrivilegesAt(url);
  if (privileges.length === 0) return;
  const message = `DATABASE_URL_READONLY (${redactUrl(url)}) is an account that can write (${privileges.slice(0, 6).join(", ")}); create a read-only one with: npx kpi db grant-readonly --user kpi_reader --password-env KPI_READER_PASSWORD`;
  if (config.chat.production) throw new UserError("readonly_can_write", message);
  log.warn({ privileges }, message);
}
