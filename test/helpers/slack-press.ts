/** Pressing a button of a posted answer as Slack sends it: a signed block_actions with the message. */
import { expect } from "vitest";
import type { FakeCall } from "./fake-slack.js";
import { CHANNEL, type SlackBot, USER } from "./slack-bot.js";

export interface PressedButton {
  readonly action_id: string;
  readonly value: string;
  readonly text: { readonly text: string };
}

export async function pressButton(
  bot: SlackBot,
  message: FakeCall,
  button: PressedButton,
  options: { readonly blockId: string; readonly responseId: string; readonly value?: string },
): Promise<void> {
  const ts = String(message.reply.ts);
  const sent = await bot.interact({
    type: "block_actions",
    user: { id: USER, username: "ada", name: "ada", team_id: "T0FAKE" },
    api_app_id: "A0FAKE",
    token: "deprecated",
    container: { type: "message", message_ts: ts, channel_id: CHANNEL, is_ephemeral: false },
    trigger_id: "1.2.3",
    team: { id: "T0FAKE", domain: "fake" },
    channel: { id: CHANNEL, name: "marketing" },
    message: { type: "message", ts, text: message.args.text, blocks: message.args.blocks, bot_id: "BKPIBOT" },
    response_url: bot.fake.responseUrl(options.responseId),
    actions: [
      {
        type: "button",
        action_id: button.action_id,
        block_id: options.blockId,
        value: options.value ?? button.value,
        text: button.text,
        action_ts: "1790000000.1",
      },
    ],
  });
  expect(sent.status).toBe(200);
}
