/**
 * The scheduled-message senders of the configured platforms (Slack, Teams), for the server
 * and for `kpi schedule tick` / `kpi alerts`. Teams sends through a Teams channel's adapter
 * and stored conversation references: the server passes its own; a CLI run makes one,
 * storing references in the caller's bot-state db. Charts are drawn by the caller's
 * renderer; the caller closes it and the db.
 */
import { createSlackSenders } from "../bot/slack/slack-senders.js";
import { createTeamsChannel, type TeamsChannel } from "../bot/teams/teams-channel.js";
import { createTeamsSenders } from "../bot/teams/teams-senders.js";
import type { ChartRenderer } from "../charts/chart-renderer.js";
import type { Config } from "../config.js";
import type { BotStateDb } from "../db/bot-state/bot-state-db.js";
import type { Logger } from "../log.js";
import type { Senders } from "../schedule/senders.js";
import { createEngine } from "./engine.js";

export interface PlatformSendersHandle {
  readonly senders: Senders;
  close(): Promise<void>;
}

export function openPlatformSenders(
  config: Config,
  log: Logger,
  charts: ChartRenderer,
  botState: BotStateDb,
  teams?: TeamsChannel,
): PlatformSendersHandle {
  const closers: (() => Promise<void>)[] = [];
  let teamsChannel = teams;
  if (!teamsChannel && config.chat.teams) {
    const engine = createEngine(config, undefined, { botState });
    teamsChannel = createTeamsChannel({ config, engine, log, charts, now: () => new Date(), botState });
    const channel = teamsChannel;
    closers.push(
      () => channel.stop(),
      () => engine.close(),
    );
  }
  const senders: { -readonly [K in keyof Senders]: Senders[K] } = {};
  if (config.chat.slack) senders.slack = createSlackSenders(config.chat.slack, config.currency, charts, log);
  if (teamsChannel) senders.teams = createTeamsSenders(teamsChannel);
  return {
    senders,
    async close() {
      for (const close of closers) await close().catch(() => undefined);
    },
  };
}
