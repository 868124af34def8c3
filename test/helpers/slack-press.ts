/** Pressing a button of a posted message as Slack sends it: a signed block_actions with the message. */
import { expect } from "vitest";
import type { FakeCall } from "./fake-slack.js";
import { CHANNEL, type SlackBot, USER } from "./slack-bot.js";
import { blockActionPayload } from "./slack-requests.js";

export interface PressedButton {
  readonly action_id: string;
  readonly value: string;
  readonly text: unknown;
}

export async function pressButton(
  bot: SlackBot,
  message: FakeCall,
  button: PressedButton,
  options: {
    readonly blockId: string;
    readonly responseId: string;
    readonly value?: string;
    /** The message's channel (default the test channel). */
    readonly channelId?: string;
  },
): Promise<void> {
  const sent = await bot.interact(
    blockActionPayload({
      message: { ts: String(message.reply.ts), text: message.args.text, blocks: message.args.blocks },
      button: { ...button, value: options.value ?? button.value },
      blockId: options.blockId,
      channelId: options.channelId ?? CHANNEL,
      userId: USER,
      responseUrl: bot.fake.responseUrl(options.responseId),
    }),
  );
  expect(sent.status).toBe(200);
}
