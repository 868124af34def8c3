-- bot_teams_conversations.team_id: for a channel conversation, the team as Teams names it in
-- activities (channelData.team.id, `19:…@thread.tacv2`) — the id the access policy's `teams`
-- grants list. A digest to a channel is cut to what its team's grants allow (as a message asked
-- there is). NULL for chats and until Teams has sent it (install, conversationUpdate, a message).
ALTER TABLE bot_teams_conversations ADD COLUMN team_id VARCHAR(255) NULL AFTER team_aad_group_id;
