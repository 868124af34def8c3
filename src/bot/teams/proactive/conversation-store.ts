/**
 * Teams conversation references in `bot_teams_conversations` (db/schema/030): what a
 * proactive message needs (service URL, conversation, tenant, bot), captured on install
 * and on every message. Writes go through the owner account (DATABASE_URL).
 */
import type { Activity, ConversationReference } from "@microsoft/agents-activity";
import mysql from "mysql2/promise";
import { connectionOptions, parseDatabaseUrl } from "../../../db/database-url.js";
import { baseConversationId } from "../message-text.js";

export interface TeamsConversation {
  readonly conversationId: string;
  readonly serviceUrl: string;
  readonly tenantId: string | null;
  readonly channelId: string;
  readonly botId: string;
  readonly botName: string | null;
  readonly conversationType: string | null;
}

export const UPSERT_CONVERSATION_SQL = `INSERT INTO bot_teams_conversations
  (conversation_id, service_url, tenant_id, channel_id, bot_id, bot_name, conversation_type, first_seen_at, last_seen_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
ON DUPLICATE KEY UPDATE
  service_url = VALUES(service_url),
  tenant_id = COALESCE(VALUES(tenant_id), tenant_id),
  channel_id = VALUES(channel_id),
  bot_id = VALUES(bot_id),
  bot_name = COALESCE(VALUES(bot_name), bot_name),
  conversation_type = COALESCE(VALUES(conversation_type), conversation_type),
  last_seen_at = VALUES(last_seen_at)`;

const SELECT_SQL = `SELECT conversation_id AS conversationId, service_url AS serviceUrl, tenant_id AS tenantId,
  channel_id AS channelId, bot_id AS botId, bot_name AS botName, conversation_type AS conversationType
FROM bot_teams_conversations WHERE conversation_id = ?`;

/** The reference an incoming activity carries, or undefined when it lacks what a reply needs. */
export function conversationOf(activity: Activity): TeamsConversation | undefined {
  const conversation = activity.conversation;
  const bot = activity.recipient;
  if (!conversation?.id || !activity.serviceUrl || !bot?.id || !activity.channelId) return undefined;
  const channelData = activity.channelData as { tenant?: { id?: unknown } } | undefined;
  const tenant = conversation.tenantId ?? channelData?.tenant?.id;
  return {
    conversationId: baseConversationId(conversation.id),
    serviceUrl: activity.serviceUrl,
    tenantId: typeof tenant === "string" ? tenant : null,
    channelId: activity.channelId,
    botId: bot.id,
    botName: bot.name ?? null,
    conversationType: conversation.conversationType ?? null,
  };
}

export function toConversationReference(c: TeamsConversation): ConversationReference {
  return {
    channelId: c.channelId,
    serviceUrl: c.serviceUrl,
    conversation: {
      id: c.conversationId,
      ...(c.tenantId ? { tenantId: c.tenantId } : {}),
      ...(c.conversationType ? { conversationType: c.conversationType } : {}),
    },
    agent: { id: c.botId, ...(c.botName ? { name: c.botName } : {}) },
  };
}

/** `YYYY-MM-DD HH:MM:SS.mmm` in UTC, for DATETIME(3). */
const sqlTime = (date: Date) => date.toISOString().replace("T", " ").replace("Z", "");

export class ConversationStore {
  private pool: mysql.Pool | undefined;

  constructor(
    private readonly databaseUrl: string,
    private readonly now: () => Date,
  ) {}

  private db(): mysql.Pool {
    this.pool ??= mysql.createPool({
      ...connectionOptions(parseDatabaseUrl(this.databaseUrl)),
      connectionLimit: 2,
      waitForConnections: true,
    });
    return this.pool;
  }

  async remember(c: TeamsConversation): Promise<void> {
    const at = sqlTime(this.now());
    await this.db().execute(UPSERT_CONVERSATION_SQL, [
      c.conversationId,
      c.serviceUrl,
      c.tenantId,
      c.channelId,
      c.botId,
      c.botName,
      c.conversationType,
      at,
      at,
    ]);
  }

  /** Forgets a conversation (the bot was uninstalled there). */
  async forget(conversationId: string): Promise<void> {
    await this.db().execute("DELETE FROM bot_teams_conversations WHERE conversation_id = ?", [
      baseConversationId(conversationId),
    ]);
  }

  async find(conversationId: string): Promise<TeamsConversation | undefined> {
    const [rows] = await this.db().execute<mysql.RowDataPacket[]>(SELECT_SQL, [
      baseConversationId(conversationId),
    ]);
    const row = rows[0];
    return row ? ({ ...row } as TeamsConversation) : undefined;
  }

  async close(): Promise<void> {
    const pool = this.pool;
    this.pool = undefined;
    await pool?.end();
  }
}
