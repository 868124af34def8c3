/**
 * Universal Actions: a press on an Action.Execute button, or a card's refresh, reaches the bot
 * as an `adaptiveCard/action` invoke, and the bot answers in the HTTP response — a card that
 * replaces the pressed one, or a short message (the presser's error, a snooze's confirmation)
 * — as https://learn.microsoft.com/adaptive-cards/authoring-cards/universal-action-model
 * describes. The data is decoded, access-checked and answered exactly as a message's button
 * (teams-ask.ts, the shared chat request); a re-run also updates the posted message so that
 * everyone sees the new card, a refresh answers only the viewer.
 */
import { Activity } from "@microsoft/agents-activity";
import {
  ActivityHandler,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type TurnContext,
} from "@microsoft/agents-hosting";
import { STALE_ACTION_TEXT } from "../../commands/action-payload.js";
import { admit } from "../admission.js";
import { ADAPTIVE_CARD_CONTENT_TYPE, type AdaptiveCard } from "./card/adaptive-card-types.js";
import { REFRESH_VERB } from "./card/card-actions.js";
import { decodeAlertSubmit } from "./card/metric-alert-card.js";
import { decodeStockSnooze } from "./card/stock-alert-card.js";
import { alertPressReply, askOfButton, placeOf, userOf } from "./teams-ask.js";
import type { TeamsTurnDeps } from "./teams-turn-deps.js";

export const MESSAGE_RESPONSE_TYPE = "application/vnd.microsoft.activity.message";
/** The reply to a button whose answer was posted beside its card (Explain, CSV, a button on an alert). */
export const ANSWERED_BELOW_TEXT = "Answered in a new message below.";

/** The ActivityHandler whose `adaptiveCard/action` invokes go to `onCardAction`. */
export class TeamsHandler extends ActivityHandler {
  constructor(
    private readonly onCardAction: (
      context: TurnContext,
      value: AdaptiveCardInvokeValue,
    ) => Promise<AdaptiveCardInvokeResponse>,
  ) {
    super();
  }

  protected override onAdaptiveCardInvoke(
    context: TurnContext,
    value: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    return this.onCardAction(context, value);
  }
}

export function cardResponse(card: AdaptiveCard): AdaptiveCardInvokeResponse {
  return {
    statusCode: 200,
    type: ADAPTIVE_CARD_CONTENT_TYPE,
    value: card as unknown as Record<string, unknown>,
  };
}

/** A message Teams shows the presser under the card (the card stays as it is). */
export function messageResponse(text: string): AdaptiveCardInvokeResponse {
  return { statusCode: 200, type: MESSAGE_RESPONSE_TYPE, value: text as unknown as Record<string, unknown> };
}

export async function answerCardInvoke(
  context: TurnContext,
  value: AdaptiveCardInvokeValue,
  deps: TeamsTurnDeps,
): Promise<AdaptiveCardInvokeResponse> {
  const activity = context.activity;
  const { verb, data } = value.action;
  const press = decodeAlertSubmit(data);
  if (press) return messageResponse(await alertPressReply(activity, press, deps));
  const skus = decodeStockSnooze(data);
  if (skus) {
    if (!deps.snooze) return messageResponse("Snoozing needs the scheduler, which is not running here.");
    deps.log.info({ platform: "teams", user: userOf(activity), skus: skus.length }, "alert snoozed");
    return messageResponse(await deps.snooze(skus));
  }
  const asked = askOfButton(data);
  if ("reply" in asked) return messageResponse(asked.reply);
  let response = messageResponse(STALE_ACTION_TEXT);
  await admit(deps.admission, {
    accept: async () => undefined,
    refuse: async (text) => {
      response = messageResponse(text);
    },
    work: async () => {
      response = await answerButton(context, asked, verb === REFRESH_VERB, deps);
    },
  });
  return response;
}

/** The button's query through the shared chat request; the card that replaces the pressed one, or a message. */
async function answerButton(
  context: TurnContext,
  asked: Exclude<ReturnType<typeof askOfButton>, { reply: string }>,
  refresh: boolean,
  deps: TeamsTurnDeps,
): Promise<AdaptiveCardInvokeResponse> {
  const activity = context.activity;
  const reply = await deps.chat({ ...asked.ask, ...placeOf(activity) });
  if (reply.kind !== "answer") return messageResponse(reply.text);
  if (!refresh && asked.button === "csv") {
    const csv = await deps.csvMessage(reply.answer);
    await context.sendActivity(typeof csv === "string" ? csv : Activity.fromObject(csv));
    return messageResponse(ANSWERED_BELOW_TEXT);
  }
  const message = await deps.answerMessage(reply.answer);
  const card = message.activity.attachments[0].content;
  if (refresh) return cardResponse(card);
  if (asked.button === "rerun" && !asked.keepCard) {
    // The presser sees the response at once; the update shows the new card to everyone else.
    if (activity.replyToId) {
      try {
        await context.updateActivity(Activity.fromObject({ ...message.activity, id: activity.replyToId }));
      } catch (err) {
        deps.log.warn({ platform: "teams", err }, "could not update the card for everyone");
      }
    }
    return cardResponse(card);
  }
  await context.sendActivity(Activity.fromObject(message.activity));
  return messageResponse(ANSWERED_BELOW_TEXT);
}
