/**
 * How the bot talks to Slack's Web API. A person is waiting for every reply, so retries
 * are few and fast (the client's default policy retries for about 30 minutes): two
 * retries with short backoff, each request cut off after a few seconds. A 429 is retried
 * after the Retry-After it carries (the client does that), which uses up one retry.
 */
import type { webApi } from "@slack/bolt";
import type { Logger } from "../../log.js";
import { slackLogger } from "./slack-logger.js";

export const INTERACTIVE_RETRY_CONFIG: webApi.RetryOptions = {
  retries: 2,
  factor: 2,
  minTimeout: 200,
  maxTimeout: 1000,
  randomize: true,
};

/** Per-request timeout of Web API calls and file uploads. */
export const WEB_API_TIMEOUT_MS = 10_000;

export function webClientOptions(apiUrl: string | undefined, log: Logger): webApi.WebClientOptions {
  return {
    ...(apiUrl ? { slackApiUrl: apiUrl } : {}),
    retryConfig: INTERACTIVE_RETRY_CONFIG,
    timeout: WEB_API_TIMEOUT_MS,
    logger: slackLogger(log),
  };
}
