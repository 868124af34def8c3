/**
 * Finds a scheduled message the bot posted, by its delivery tag, through Microsoft Graph
 * (the Bot Connector cannot list a conversation's messages). With resource-specific consent
 * (teams-manifest.ts) and an app-only token:
 *   a team channel (19:…@thread.tacv2): GET /teams/{team aadGroupId}/channels/{id}/messages —
 *     only $top (≤ 50) is supported; messages come newest-modified first, so reading stops at
 *     the first one last modified before `since`;
 *   a group chat (19:…@thread.v2): GET /chats/{id}/messages with
 *     $orderby=lastModifiedDateTime desc and $filter=lastModifiedDateTime gt `since`.
 * Anything Graph does not answer plainly (no consent 403, 429, 5xx, no team id known, a
 * personal chat, more pages than read) is thrown: "not found" only on Graph's word.
 * https://learn.microsoft.com/graph/api/channel-list-messages
 * https://learn.microsoft.com/graph/api/chat-list-messages
 */
import { DeliveryError } from "../../../schedule/delivery-error.js";
import type { DeliveryTag, SendResult, SentFinder } from "../../../schedule/senders.js";
import { attachmentHasTag } from "../card/delivery-tag.js";
import type { ConversationStore, TeamsConversation } from "../proactive/conversation-store.js";
import type { GraphEndpoints } from "../teams-config.js";
import type { AppTokenSource } from "./app-token.js";

/** Messages per page (Graph's maximum for both lists) and pages read at most per lookup. */
export const GRAPH_PAGE = 50;
export const GRAPH_PAGES = 10;
export const GRAPH_TIMEOUT_MS = 10_000;

export interface GraphFinderDeps {
  readonly graph: GraphEndpoints;
  /** Undefined in anonymous mode (a local stand-in, no token). */
  readonly tokens: Pick<AppTokenSource, "token"> | undefined;
  readonly conversations: Pick<ConversationStore, "find">;
}

interface ChatMessage {
  readonly id?: unknown;
  readonly replyToId?: unknown;
  readonly lastModifiedDateTime?: unknown;
  readonly attachments?: readonly { contentType?: unknown; content?: unknown }[];
}

interface MessagePage {
  readonly value?: readonly ChatMessage[];
  readonly "@odata.nextLink"?: unknown;
}

/** The first page's URL, and whether the list is only ordered (a channel) rather than filtered. */
function firstPage(base: string, c: TeamsConversation, since: Date): { url: string; ordered: boolean } {
  const id = encodeURIComponent(c.conversationId);
  if (c.conversationId.endsWith("@thread.tacv2") || c.conversationId.endsWith("@thread.skype")) {
    if (!c.teamAadGroupId)
      throw new DeliveryError(
        "teams_team_unknown",
        `The team of ${c.conversationId} is not known yet (Teams sends it when the bot is installed or added)`,
      );
    return {
      url: `${base}/teams/${encodeURIComponent(c.teamAadGroupId)}/channels/${id}/messages?$top=${GRAPH_PAGE}`,
      ordered: true,
    };
  }
  if (c.conversationId.startsWith("19:")) {
    const query = new URLSearchParams({
      $top: String(GRAPH_PAGE),
      $orderby: "lastModifiedDateTime desc",
      $filter: `lastModifiedDateTime gt ${since.toISOString()}`,
    });
    return { url: `${base}/chats/${id}/messages?${query}`, ordered: false };
  }
  throw new DeliveryError(
    "teams_lookup_unsupported",
    `Messages of ${c.conversationId} cannot be listed through Graph (a personal chat)`,
    { retryable: false },
  );
}

async function getPage(url: string, token: string | undefined): Promise<MessagePage> {
  let response: Response;
  try {
    response = await fetch(url, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
      signal: AbortSignal.timeout(GRAPH_TIMEOUT_MS),
    });
  } catch (error) {
    throw new DeliveryError("graph_unreachable", "Microsoft Graph unreachable", { cause: error });
  }
  if (!response.ok) {
    const retryAfter = Number(response.headers.get("retry-after"));
    const body = (await response.json().catch(() => ({}))) as { error?: { code?: unknown } };
    const code = typeof body.error?.code === "string" ? `: ${body.error.code}` : "";
    throw new DeliveryError(
      `graph_${response.status}`,
      `Microsoft Graph answered ${response.status}${code}`,
      {
        ...(retryAfter > 0 ? { retryAfterMs: retryAfter * 1000 } : {}),
      },
    );
  }
  return (await response.json()) as MessagePage;
}

async function findTagged(
  deps: GraphFinderDeps,
  c: TeamsConversation,
  tag: DeliveryTag,
  since: Date,
): Promise<SendResult | undefined> {
  const first = firstPage(deps.graph.url.replace(/\/+$/, ""), c, since);
  let url: string | undefined = first.url;
  for (let page = 0; page < GRAPH_PAGES && url; page++) {
    const token = deps.tokens ? await deps.tokens.token() : undefined;
    const result = await getPage(url, token);
    for (const message of result.value ?? []) {
      const modified = Date.parse(String(message.lastModifiedDateTime));
      if (first.ordered && modified < since.getTime()) return undefined;
      if (message.replyToId) continue;
      if (typeof message.id === "string" && message.attachments?.some((a) => attachmentHasTag(a, tag)))
        return { messageId: message.id };
    }
    const next = result["@odata.nextLink"];
    url = typeof next === "string" && next !== "" ? next : undefined;
    if (!url) return undefined;
  }
  throw new DeliveryError(
    "lookup_incomplete",
    `More than ${GRAPH_PAGE * GRAPH_PAGES} messages since ${since.toISOString()}; not read to the end.`,
  );
}

export function createGraphSentFinder(deps: GraphFinderDeps): SentFinder {
  return {
    async findSent(target, tag, since) {
      const conversation = await deps.conversations.find(target.id);
      if (!conversation)
        throw new DeliveryError("teams_conversation_unknown", `No Teams conversation ${target.id} is known`, {
          retryable: false,
        });
      return findTagged(deps, conversation, tag, since);
    },
  };
}
