/**
 * Teams conversation references in `bot_teams_conversations` (db/schema/030): what a
 * proactive message needs (service URL, conversation, tenant, bot), captured on install
 * and on every message. Stored through the process's bot-state db (owner account).
 */
import type { Activity, ConversationReference } from "@microsoft/agents-activity";
import { sql } from "kysely";
import type { BotStateDb } from "../../../db/bot-state/bot-state-db.js";
import { toSqlTime } from "../../../db/bot-state/sql-time.js";
import { baseConversationId } from "../message-text.js";

export interface TeamsConversation {
  readonly conversationId: string;
  readonly serviceUrl: string;
  readonly tenantId: string | null;
  readonly channelId: string;
  readonly botId: string;
  readonly botName: string | null;
  readonly conversationType: string | null;
  /** A channel's team as Microsoft Graph names it (channelData.team.aadGroupId); null for chats. */
  readonly teamAadGroupId: string | null;
  /** A channel's team as activities and the access policy name it (channelData.team.id); null for chats. */
  readonly teamId: string | null;
}

/** The reference an incoming activity carries, or undefined when it lacks what a reply needs. */
export function conversationOf(activity: Activity): TeamsConversation | undefined {
  const conversation = activity.conversation;
  const bot = activity.recipient;
  if (!conversation?.id || !activity.serviceUrl || !bot?.id || !activity.channelId) return undefined;
  const channelData = activity.channelData as
    | { tenant?: { id?: unknown }; team?: { aadGroupId?: unknown; id?: unknown } }
    | undefined;
  const tenant = conversation.tenantId ?? channelData?.tenant?.id;
  const team = channelData?.team?.aadGroupId;
  const teamId = channelData?.team?.id;
  return {
    conversationId: baseConversationId(conversation.id),
    serviceUrl: activity.serviceUrl,
    tenantId: typeof tenant === "string" ? tenant : null,
    channelId: activity.channelId,
    botId: bot.id,
    botName: bot.name ?? null,
    conversationType: conversation.conversationType ?? null,
    teamAadGroupId: typeof team === "string" && team !== "" ? team : null,
    teamId: typeof teamId === "string" && teamId !== "" ? teamId : null,
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

/**
 * The upsert of one reference seen at `at` (exported so a test can check its SQL). A later
 * sighting updates the row but keeps first_seen_at, and keeps a nullable column's stored
 * value when this activity lacks it. The update binds the values again (COALESCE with the
 * stored column) rather than VALUES(col), deprecated since MySQL 8.0.20, or the row alias
 * that replaces it, which MariaDB lacks.
 */
export function upsertConversation(db: BotStateDb, c: TeamsConversation, at: Date) {
  const now = toSqlTime(at);
  const keep = (
    value: string | null,
    column: "tenant_id" | "bot_name" | "conversation_type" | "team_aad_group_id" | "team_id",
  ) => sql<string | null>`COALESCE(${value}, ${sql.ref(column)})`;
  return db
    .insertInto("bot_teams_conversations")
    .values({
      conversation_id: c.conversationId,
      service_url: c.serviceUrl,
      tenant_id: c.tenantId,
      channel_id: c.channelId,
      bot_id: c.botId,
      bot_name: c.botName,
      conversation_type: c.conversationType,
      team_aad_group_id: c.teamAadGroupId,
      team_id: c.teamId,
      first_seen_at: now,
      last_seen_at: now,
    })
    .onDuplicateKeyUpdate({
      service_url: c.serviceUrl,
      tenant_id: keep(c.tenantId, "tenant_id"),
      channel_id: c.channelId,
      bot_id: c.botId,
      bot_name: keep(c.botName, "bot_name"),
      conversation_type: keep(c.conversationType, "conversation_type"),
      team_aad_group_id: keep(c.teamAadGroupId, "team_aad_group_id"),
      team_id: keep(c.teamId, "team_id"),
      last_seen_at: now,
    });
}

export class ConversationStore {
  /** `db`: the process's bot-state db, closed by whoever made it. */
  constructor(
    private readonly db: BotStateDb,
    private readonly now: () => Date,
  ) {}

  async remember(c: TeamsConversation): Promise<void> {
    await upsertConversation(this.db, c, this.now()).execute();
  }

  /** Forgets a conversation (the bot was uninstalled there). */
  async forget(conversationId: string): Promise<void> {
    await this.db
      .deleteFrom("bot_teams_conversations")
      .where("conversation_id", "=", baseConversationId(conversationId))
      .execute();
  }

  async find(conversationId: string): Promise<TeamsConversation | undefined> {
    return this.selectConversations()
      .where("conversation_id", "=", baseConversationId(conversationId))
      .executeTakeFirst();
  }

  /**
   * A conversation of the team (Entra group id, as Graph names it): its General channel —
   * whose id is the team's — when stored, else the channel seen first.
   */
  async findTeam(teamAadGroupId: string): Promise<TeamsConversation | undefined> {
    return this.selectConversations()
      .where("team_aad_group_id", "=", teamAadGroupId)
      .orderBy(sql`conversation_id = team_id`, "desc")
      .orderBy("first_seen_at")
      .executeTakeFirst();
  }

  private selectConversations() {
    return this.db
      .selectFrom("bot_teams_conversations")
      .select([
        "conversation_id as conversationId",
        "service_url as serviceUrl",
        "tenant_id as tenantId",
        "channel_id as channelId",
        "bot_id as botId",
        "bot_name as botName",
        "conversation_type as conversationType",
        "team_aad_group_id as teamAadGroupId",
        "team_id as teamId",
      ]);
  }
}

/**
 * The team (channelData.team.id) of a stored conversation — or of a team named by its Entra
 * group id, as a Graph-installed target is — for the access policy; undefined when none.
 */
export async function teamOfConversation(db: BotStateDb, target: string): Promise<string | undefined> {
  const row = await db
    .selectFrom("bot_teams_conversations")
    .select("team_id")
    .where((eb) =>
      eb.or([eb("conversation_id", "=", baseConversationId(target)), eb("team_aad_group_id", "=", target)]),
    )
    .where("team_id", "is not", null)
    .executeTakeFirst();
  return row?.team_id ?? undefined;
}
