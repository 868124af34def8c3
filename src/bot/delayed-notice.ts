/**
 * Notices told to the asker only when work takes long, on every platform: Slack's "Working on
 * it…" and, when a question's data has not come after SLOW_DATA_NOTICE_MS, "the data source is
 * slow". The answer (or the timeout message) still follows and never overtakes the notice.
 */

export const SLOW_DATA_TEXT =
  "The data source is slow to answer right now; your answer follows as soon as the data arrives.";
/** SLOW_DATA_NOTICE_MS when unset. */
export const SLOW_DATA_NOTICE_MS = 4000;

export interface DelayedNotice {
  /** Cancels the notice; resolves once a notice already on its way has been sent. */
  done(): Promise<void>;
}

/** Tells `text` through `tell` after `delayMs`, unless done() comes first; a failed tell is dropped. */
export function noticeAfter(
  delayMs: number,
  text: string,
  tell: (text: string) => Promise<unknown>,
): DelayedNotice {
  let sending: Promise<unknown> | undefined;
  const timer = setTimeout(() => {
    sending = tell(text).catch(() => undefined);
  }, delayMs);
  return {
    async done() {
      clearTimeout(timer);
      await sending;
    },
  };
}
