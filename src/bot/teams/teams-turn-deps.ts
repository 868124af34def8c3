/** What the Teams turn handlers (teams-turns.ts, teams-invoke.ts) are given by the platform. */
import type { Answer } from "../../answer/answer.js";
import type { Logger } from "../../log.js";
import type { Admission } from "../admission.js";
import type { AlertButtonHandler } from "../chat-platform.js";
import type { ChatHandler } from "../chat-request.js";
import type { AnswerMessage } from "./card/answer-message.js";
import type { ConversationStore } from "./proactive/conversation-store.js";

export interface TeamsTurnDeps {
  readonly chat: ChatHandler;
  /** Sheds what does not fit (told "busy" at once). */
  readonly admission: Admission;
  readonly log: Logger;
  readonly conversations: ConversationStore;
  readonly answerMessage: (answer: Answer) => Promise<AnswerMessage>;
  /** A message with links to the answer's tables as CSV (the "Download CSV" button). */
  readonly csvMessage: (answer: Answer) => Promise<object | string>;
  /** Background work (reference writes) that stop() waits for. */
  readonly track: (work: Promise<unknown>) => void;
  /** Wait before telling the asker the data source is slow (SLOW_DATA_NOTICE_MS). */
  readonly slowNoticeMs: number;
  /** Snooze 24 h or Mute pressed on an alert on a KPI; returns the reply for the presser. */
  readonly alertButton?: AlertButtonHandler;
  /** Snooze 24 h pressed on a low-stock alert: snoozes these SKUs; returns the reply for the presser. */
  readonly snooze?: (skus: readonly string[]) => Promise<string>;
}
