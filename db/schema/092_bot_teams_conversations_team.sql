-- bot_teams_conversations.team_aad_group_id: for a channel conversation, the team's Microsoft
-- Entra group id (channelData.team.aadGroupId, sent when the bot is installed or added), which
-- Microsoft Graph calls the team id: the bot lists the channel's messages with it to find a
-- scheduled message whose record was lost in a crash (src/bot/teams/graph/). NULL for chats
-- and until Teams has sent it.
ALTER TABLE bot_teams_conversations ADD COLUMN team_aad_group_id VARCHAR(64) NULL AFTER conversation_type;
