/**
 * The bot's own state tables (db/schema/030, 040, 041, 042, 050, 080, 130), typed once for
 * Kysely. Times are DATETIME(3) strings in UTC (connections use dateStrings), always
 * written from the caller's clock (sql-time.ts), never from the server's NOW().
 * BIGINT ids arrive as numbers (supportBigNumbers without bigNumberStrings).
 */
import type { Generated } from "kysely";

/** A DATETIME(3) value: `YYYY-MM-DD HH:MM:SS.mmm`, UTC. */
export type SqlTime = string;

/** db/schema/030: Teams conversation references for proactive messages. */
export interface BotTeamsConversationsTable {
  conversation_id: string;
  service_url: string;
  tenant_id: string | null;
  channel_id: string;
  bot_id: string;
  bot_name: string | null;
  conversation_type: string | null;
  team_aad_group_id: string | null;
  /** db/schema/155: channelData.team.id, what the access policy's team grants name. */
  team_id: string | null;
  first_seen_at: SqlTime;
  last_seen_at: SqlTime;
}

/** db/schema/040 (+080): digest subscriptions; target is `<platform>:<id>`, checked by the application. */
export interface BotSubscriptionsTable {
  subscription_id: Generated<number>;
  target: string;
  areas: string;
  period: string;
  filters: string | null;
  /** db/schema/110: the alert's KPI, condition and window as typed; null for a digest. */
  alert: Generated<string | null>;
  schedule_kind: string;
  cron: string;
  time_zone: string;
  created_by: string;
  created_at: SqlTime;
  active_since: SqlTime;
  /** 0 or 1. */
  paused: Generated<number>;
  /** db/schema/120: 0 or 1, sent only when something moved. */
  quiet: Generated<number>;
  updated_at: SqlTime;
}

/** db/schema/041: the delivery ledger, one row per (subscription, slot). */
export interface BotDeliveriesTable {
  delivery_id: Generated<number>;
  subscription_id: number;
  slot_at: SqlTime;
  /** db/schema/110: which alert message (firing, resolved, reminder, no_data); null for a digest. */
  event: Generated<string | null>;
  status: string;
  attempts: Generated<number>;
  next_attempt_at: SqlTime | null;
  claimed_by: string | null;
  claimed_at: SqlTime | null;
  post_started_at: SqlTime | null;
  message_id: string | null;
  error_code: string | null;
  error_message: string | null;
  notified_at: SqlTime | null;
  created_at: SqlTime;
  updated_at: SqlTime;
}

/** db/schema/042 (+110): alert state, per product (kind stock) or per KPI alert (kind metric, sku = its id). */
export interface BotAlertStateTable {
  kind: Generated<string>;
  sku: string;
  product_name: string;
  state: string;
  since: SqlTime;
  fired_at: SqlTime | null;
  claimed_by: string | null;
  post_tag: string | null;
  post_started_at: SqlTime | null;
  alert_target: string | null;
  alert_message_id: string | null;
  send_error: string | null;
  snoozed_until: SqlTime | null;
  updated_at: SqlTime;
  last_window: Generated<string | null>;
  last_value: Generated<number | null>;
  no_data_windows: Generated<number>;
  no_data_reported: Generated<number>;
  reminded_at: Generated<SqlTime | null>;
}

/** db/schema/050 (+080): one row per chat request; platform is checked by the application. */
export interface BotAuditTable {
  audit_id: Generated<number>;
  at: SqlTime;
  platform: string;
  workspace_id: string | null;
  user_id: string;
  channel_id: string;
  command_text: string;
  area: string | null;
  outcome: string;
  duration_ms: number;
  ref_id: string | null;
}

/** db/schema/130: chat requests claimed by the delivery that answers them (re-deliveries skip). */
export interface BotChatRequestsTable {
  request_key: string;
  claimed_by: string;
  claimed_at: SqlTime;
}

/** db/schema/121: goals, one per (kpi, area, cadence, filters). */
export interface BotGoalsTable {
  goal_id: Generated<number>;
  kpi: string;
  area: string;
  cadence: string;
  filters: Generated<string>;
  /** DECIMAL(20,4), read as a string or a number. */
  amount: string | number;
  created_by: string;
  created_in: string;
  created_at: SqlTime;
}

/** db/schema/145: the last query answered per chat thread or conversation (follow-ups), 24 h. */
export interface BotThreadContextTable {
  thread_hash: string;
  platform: string;
  user_id: string;
  query_json: string;
  headline_kpi: string | null;
  updated_at: SqlTime;
  expires_at: SqlTime;
}

export interface BotTables {
  bot_teams_conversations: BotTeamsConversationsTable;
  bot_subscriptions: BotSubscriptionsTable;
  bot_deliveries: BotDeliveriesTable;
  bot_alert_state: BotAlertStateTable;
  bot_audit: BotAuditTable;
  bot_chat_requests: BotChatRequestsTable;
  bot_goals: BotGoalsTable;
  bot_thread_context: BotThreadContextTable;
}
