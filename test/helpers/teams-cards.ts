/** Reading what the bot sent to the fake connector: the Adaptive Card, its facts, images and buttons. */
import type {
  AdaptiveCard,
  FactSet,
  Image,
  TextBlock,
} from "../../src/bot/teams/card/adaptive-card-types.js";
import { refreshDerived } from "../../src/db/refresh.js";
import { loadFixture } from "../db/fixture.js";
import type { ConnectorCall } from "./fake-teams-connector.js";
import { createTestDatabase, type TestDatabase } from "./test-database.js";

export const CARD_CONTENT_TYPE = "application/vnd.microsoft.card.adaptive";

/** The hand-written shop of test/db/fixture.ts, loaded and refreshed. */
export async function createFixtureDatabase(prefix: string): Promise<TestDatabase> {
  const db = await createTestDatabase({ prefix });
  await loadFixture(db.connection);
  await refreshDerived(db.connection, { full: false });
  return db;
}

export function cardOf(call: ConnectorCall | undefined): AdaptiveCard {
  const attachments = call?.body.attachments as { contentType: string; content: AdaptiveCard }[] | undefined;
  const card = attachments?.find((a) => a.contentType === CARD_CONTENT_TYPE)?.content;
  if (!card) throw new Error(`no Adaptive Card in ${JSON.stringify(call?.body).slice(0, 300)}`);
  return card;
}

export function factsOf(card: AdaptiveCard): Record<string, string> {
  const set = card.body.find((e): e is FactSet => e.type === "FactSet");
  return Object.fromEntries((set?.facts ?? []).map((f) => [f.title, f.value]));
}

export function textsOf(card: AdaptiveCard): string[] {
  return card.body.filter((e): e is TextBlock => e.type === "TextBlock").map((t) => t.text);
}

export function imagesOf(card: AdaptiveCard): Image[] {
  return card.body.filter((e): e is Image => e.type === "Image");
}

export function buttonData(card: AdaptiveCard, title: string): Record<string, unknown> {
  const action = card.actions?.find((a) => a.title === title);
  if (!action)
    throw new Error(`no button "${title}" in ${JSON.stringify(card.actions?.map((a) => a.title))}`);
  return action.data;
}

/** The PNG inside a `data:image/png;base64,` URL. */
export function dataUriPng(url: string): Buffer {
  const match = /^data:image\/png;base64,([A-Za-z0-9+/=]+)$/.exec(url);
  if (!match?.[1]) throw new Error(`not a PNG data URI: ${url.slice(0, 60)}`);
  return Buffer.from(match[1], "base64");
}

/** UTF-8 size of what was posted: the whole activity, envelope included. */
export function messageBytes(call: ConnectorCall): number {
  return Buffer.byteLength(JSON.stringify(call.body), "utf8");
}

/** The verb and data of the Action.Execute button `title`, as Teams sends them in the invoke. */
export function executeAction(
  card: AdaptiveCard,
  title: string,
): { verb: string; data: Record<string, unknown> } {
  const action = card.actions?.find((a) => a.title === title);
  if (action?.type !== "Action.Execute")
    throw new Error(`no Action.Execute "${title}" in ${JSON.stringify(card.actions?.map((a) => a.title))}`);
  return { verb: action.verb, data: action.data };
}
