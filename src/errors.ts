import { randomBytes } from "node:crypto";
/**
 * The two kinds of error (STYLE.md rule 5).
 *
 * A UserError carries a one-line message fit to show the person who asked (bad period,
 * unknown area, missing schema). Anything else is internal: it is logged with a short
 * reference id and the person sees only "Something went wrong (ref 7f3a)".
 */
export class UserError extends Error {
  override readonly name = "UserError";
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

/** The data source cannot answer (down, unreachable, timed out): worth retrying later. */
export class DataSourceUnavailableError extends UserError {
  constructor(
    options?: { cause?: unknown },
    code = "data_source_unavailable",
    message = "The data source is unavailable, try again in a minute.",
  ) {
    super(code, message, options);
  }
}

/** The data source did not answer within the statement timeout (hung, or the network drops packets). */
export class DataSourceTimeoutError extends DataSourceUnavailableError {
  constructor(timeoutMs: number, options?: { cause?: unknown }) {
    super(
      options,
      "data_source_timeout",
      `The data source did not answer within ${Number((timeoutMs / 1000).toFixed(1))} s, try again in a minute.`,
    );
  }
}

/** Work stopped by a signal (Ctrl-C, SIGTERM): the CLI exits with 128 + the signal's number, as shells do. */
export class InterruptedError extends UserError {
  readonly signal: NodeJS.Signals;

  constructor(signal: NodeJS.Signals, message = `Interrupted (${signal}).`, options?: { cause?: unknown }) {
    super("interrupted", message, options);
    this.signal = signal;
  }
}

export function isUserError(error: unknown): error is UserError {
  return error instanceof UserError;
}

/** What a person sees for an internal error: nothing internal, only the reference to the log entry. */
export function somethingWentWrong(ref: string): string {
  return `Something went wrong (ref ${ref}). Please try again; if it keeps happening, tell your admin the ref.`;
}

/**
 * Text from outside repeated in a one-line message: in backticks, without backticks or control
 * characters (they could break out of the quote or the line), at most `maxChars` long.
 */
export function quoted(text: string, maxChars = 40): string {
  return `\`${text.replace(/[`\p{C}]/gu, "").slice(0, maxChars)}\``;
}

/** A short id that ties what a person sees ("ref 7f3a") to the full log entry. */
export function referenceId(): string {
  return randomBytes(2).toString("hex");
}
