/**
 * Bolt's and the Web API client's logger, written as our JSON lines. Their debug output
 * carries whole request payloads, so it is never passed on (STYLE.md rule 7), whatever
 * LOG_LEVEL says; messages are cut to a few hundred characters.
 */
import { LogLevel, type Logger as SlackLogger } from "@slack/bolt";
import type { Logger } from "../../log.js";

const MAX_MESSAGE_CHARS = 500;

function messageOf(parts: readonly unknown[]): string {
  const text = parts
    .map((part) => (part instanceof Error ? part.message : typeof part === "string" ? part : String(part)))
    .join(" ");
  return text.length > MAX_MESSAGE_CHARS ? `${text.slice(0, MAX_MESSAGE_CHARS)}…` : text;
}

export function slackLogger(log: Logger): SlackLogger {
  const child = log.child({ component: "slack-sdk" });
  let name = "bolt";
  return {
    debug: () => undefined,
    info: (...parts: unknown[]) => child.info({ sdk: name }, messageOf(parts)),
    warn: (...parts: unknown[]) => child.warn({ sdk: name }, messageOf(parts)),
    error: (...parts: unknown[]) => child.error({ sdk: name }, messageOf(parts)),
    setLevel: () => undefined,
    getLevel: () => LogLevel.INFO,
    setName: (value: string) => {
      name = value;
    },
  };
}
