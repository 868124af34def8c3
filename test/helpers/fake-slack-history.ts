/**
 * What the fake Slack keeps of posted messages, and conversations.history / .replies over
 * them as Slack answers (docs: api.slack.com/methods/conversations.history, .replies):
 * history lists a channel's top-level messages newest first, after `oldest` and before
 * `latest` (exclusive unless `inclusive`), `limit` per page (default 100) with a cursor;
 * replies lists a thread, parent first, oldest first. A message's `metadata` is included
 * only when the call asks for it with include_all_metadata.
 */

export interface FakeMessage {
  readonly channel: string;
  readonly ts: string;
  readonly text: string;
  readonly threadTs: string | undefined;
  readonly metadata: { event_type: string; event_payload: Record<string, unknown> } | undefined;
}

type Args = Record<string, unknown>;
type Reply = { body: Record<string, unknown> };

const flag = (value: unknown): boolean => value === true || value === "true" || value === "1";
/** A Slack timestamp ("1790000000.000100", or seconds with fewer decimals) in microseconds, exactly. */
function micros(ts: string): bigint {
  const [seconds = "0", fraction = ""] = ts.split(".");
  return BigInt(seconds) * 1_000_000n + BigInt(fraction.padEnd(6, "0").slice(0, 6));
}
const bound = (value: unknown): bigint | undefined =>
  value === undefined || value === "" ? undefined : micros(String(value));

function view(message: FakeMessage, args: Args): Record<string, unknown> {
  return {
    type: "message",
    subtype: "bot_message",
    user: "UKPIBOT",
    bot_id: "BKPIBOT",
    ts: message.ts,
    text: message.text,
    ...(message.threadTs ? { thread_ts: message.threadTs } : {}),
    ...(message.metadata && flag(args.include_all_metadata) ? { metadata: message.metadata } : {}),
  };
}

function page(list: FakeMessage[], args: Args): Reply {
  const limit = Math.min(Math.max(Number(args.limit) || 100, 1), 999);
  const start = args.cursor ? Number(Buffer.from(String(args.cursor), "base64").toString("utf8")) : 0;
  if (!Number.isInteger(start) || start < 0) return { body: { ok: false, error: "invalid_cursor" } };
  const slice = list.slice(start, start + limit);
  const more = start + limit < list.length;
  const next = more ? Buffer.from(String(start + limit)).toString("base64") : "";
  return {
    body: {
      ok: true,
      messages: slice.map((m) => view(m, args)),
      has_more: more,
      response_metadata: { next_cursor: next },
    },
  };
}

export class FakeHistory {
  readonly messages: FakeMessage[] = [];

  add(channel: string, ts: string, args: Args): void {
    const metadata = args.metadata as FakeMessage["metadata"];
    const threadTs = typeof args.thread_ts === "string" && args.thread_ts !== "" ? args.thread_ts : undefined;
    this.messages.push({ channel, ts, text: String(args.text ?? ""), threadTs, metadata });
  }

  history(args: Args): Reply {
    if (typeof args.channel !== "string" || args.channel === "")
      return { body: { ok: false, error: "channel_not_found" } };
    const oldest = bound(args.oldest) ?? 0n;
    const latest = bound(args.latest);
    const inclusive = flag(args.inclusive);
    const inRange = (ts: bigint) =>
      (inclusive ? ts >= oldest : ts > oldest) &&
      (latest === undefined || (inclusive ? ts <= latest : ts < latest));
    const list = this.messages
      .filter((m) => m.channel === args.channel && !m.threadTs && inRange(micros(m.ts)))
      .sort((a, b) => (micros(b.ts) > micros(a.ts) ? 1 : -1));
    return page(list, args);
  }

  replies(args: Args): Reply {
    const parent = this.messages.find(
      (m) => m.channel === args.channel && m.ts === args.ts && m.threadTs === undefined,
    );
    if (!parent) return { body: { ok: false, error: "thread_not_found" } };
    const list = [
      parent,
      ...this.messages
        .filter((m) => m.channel === args.channel && m.threadTs === parent.ts)
        .sort((a, b) => (micros(a.ts) > micros(b.ts) ? 1 : -1)),
    ];
    return page(list, args);
  }
}
