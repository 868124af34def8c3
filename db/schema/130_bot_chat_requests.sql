-- Chat requests a platform may deliver more than once (src/bot/request-claims.ts): Slack
-- re-sends an event whose ack it did not get, and in Socket Mode an envelope left unacked on a
-- connection that ended goes out again, possibly to another replica or to a restarted one.
-- The first delivery to be acknowledged claims the request's identity here (Slack: the
-- event_id of an event, the trigger_id of a slash command or button press) and answers; a
-- later delivery of the same request finds the row and does nothing. request_key is
-- case-sensitive ASCII (Slack ids are). Rows older than an hour are deleted by the bot.
CREATE TABLE bot_chat_requests (
  request_key VARCHAR(160) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  claimed_by VARCHAR(128) NOT NULL,
  claimed_at DATETIME(3) NOT NULL,
  PRIMARY KEY (request_key),
  KEY ix_bot_chat_requests_claimed (claimed_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
