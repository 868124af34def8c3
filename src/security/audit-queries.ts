/** Reading the audit trail for `kpi audit --since 7d`: the window, the rows, one line per row. */
import { queryToText } from "../commands/command-text.js";
import { parseCommand } from "../commands/parse.js";
import type { BotStateDb } from "../db/bot-state/bot-state-db.js";
import { toSqlTime } from "../db/bot-state/sql-time.js";
import { UserError } from "../errors.js";
import type { AuditOutcome } from "./audit-log.js";

export interface AuditRow {
  readonly at: string;
  readonly platform: string;
  readonly workspace: string | null;
  readonly user: string;
  readonly channel: string;
  readonly command: string;
  readonly area: string | null;
  readonly outcome: AuditOutcome;
  readonly ms: number;
  readonly ref: string | null;
}

const RELATIVE = /^(\d{1,5})([dhm])$/;
const UNIT_MS = { d: 86_400_000, h: 3_600_000, m: 60_000 } as const;

/** `7d`, `12h`, `30m` before `now`, or an ISO date/time (`2026-11-01`, `2026-11-01T09:00Z`). */
export function parseSince(text: string, now: Date): Date {
  const trimmed = text.trim();
  const relative = RELATIVE.exec(trimmed);
  if (relative) {
    return new Date(now.getTime() - Number(relative[1]) * UNIT_MS[relative[2] as keyof typeof UNIT_MS]);
  }
  if (/^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(trimmed)) {
    const date = new Date(trimmed.length === 10 ? `${trimmed}T00:00:00Z` : trimmed);
    if (!Number.isNaN(date.getTime())) return date;
  }
  throw new UserError(
    "invalid_since",
    `--since ${JSON.stringify(trimmed.slice(0, 40))}: write 7d, 12h, 30m or an ISO date such as 2026-11-01.`,
  );
}

export async function auditSince(db: BotStateDb, since: Date, limit = 10_000): Promise<AuditRow[]> {
  const rows = await db
    .selectFrom("bot_audit")
    .select([
      "at",
      "platform",
      "workspace_id",
      "user_id",
      "channel_id",
      "command_text",
      "area",
      "outcome",
      "duration_ms",
      "ref_id",
    ])
    .where("at", ">=", toSqlTime(since))
    .orderBy("at")
    .orderBy("audit_id")
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    at: `${r.at.replace(" ", "T")}Z`,
    platform: r.platform,
    workspace: r.workspace_id,
    user: r.user_id,
    channel: r.channel_id,
    command: r.command_text,
    area: r.area,
    outcome: r.outcome as AuditOutcome,
    ms: Number(r.duration_ms),
    ref: r.ref_id,
  }));
}

/** One terminal line; control characters in the command are shown as `?`. */
export function auditLine(row: AuditRow): string {
  const command = row.command.replace(/\p{C}/gu, "?");
  const area = row.area ? ` ${row.area}` : "";
  const ref = row.ref ? ` ref ${row.ref}` : "";
  return `${row.at}  ${row.platform} ${row.workspace ?? "-"} ${row.channel} ${row.user}  ${row.outcome}${area} ${row.ms}ms${ref}  ${JSON.stringify(command)}`;
}

/**
 * A person's recent questions on a platform, newest first, each once: the texts of their
 * answered requests that are questions of their own (an area, period, filters — not follow-ups,
 * help or subscription commands), in their canonical form. For the assistant's suggested prompts.
 */
export async function recentQuestions(
  db: BotStateDb,
  platform: string,
  userId: string,
  limit = 3,
): Promise<string[]> {
  const rows = await db
    .selectFrom("bot_audit")
    .select(["command_text"])
    .where("user_id", "=", userId)
    .where("platform", "=", platform)
    .where("outcome", "=", "answered")
    .orderBy("at", "desc")
    .orderBy("audit_id", "desc")
    .limit(50)
    .execute();
  const seen = new Set<string>();
  for (const row of rows) {
    const text = canonicalQuestion(row.command_text);
    if (text) seen.add(text);
    if (seen.size >= limit) break;
  }
  return [...seen];
}

function canonicalQuestion(text: string): string | undefined {
  try {
    const command = parseCommand(text);
    return command.kind === "query" ? queryToText(command.query) : undefined;
  } catch {
    return undefined;
  }
}
