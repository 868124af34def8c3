/**
 * Slack's variables: enabled by any SLACK_ variable; a bot token always, and a signing secret
 * in HTTP mode (Socket Mode when SLACK_APP_TOKEN is set). A malformed value names its variable.
 */
import { z } from "zod";
import { type EnvValues, envProblems, type PlatformConfigResult } from "../chat-platform.js";

export interface SlackConfig {
  readonly botToken: string;
  /** Socket Mode when set (development, private installs); HTTP mode otherwise. */
  readonly appToken: string | undefined;
  readonly signingSecret: string | undefined;
  /** Web API base URL override (tests, proxies), ending in "/". */
  readonly apiUrl: string | undefined;
  /**
   * SLACK_ASSISTANT=true: the app has Slack's assistant feature on (manifest `assistant_view`):
   * answer in the assistant container and in direct messages (message.im). Off by default.
   */
  readonly assistant: boolean;
}

const slackEnvSchema = z.object({
  SLACK_BOT_TOKEN: z
    .string()
    .regex(/^xoxb-[\w-]+$/, "must be a bot token starting with xoxb-")
    .optional(),
  SLACK_APP_TOKEN: z
    .string()
    .regex(/^xapp-[\w-]+$/, "must be an app-level token starting with xapp-")
    .optional(),
  SLACK_SIGNING_SECRET: z
    .string()
    .regex(/^[A-Za-z0-9]{16,}$/, "must be the app's signing secret (16+ letters and digits)")
    .optional(),
  SLACK_API_URL: z
    .string()
    .trim()
    .refine((v) => /^https?:\/\/[^\s]+$/.test(v), "must be an http(s) URL")
    .optional(),
  SLACK_ASSISTANT: z.enum(["true", "false"], { message: "must be true or false" }).optional(),
});

/** The variables this platform reads (a `.env` key outside every platform's and the core's is warned about). */
export const SLACK_ENV_KEYS: readonly string[] = Object.keys(slackEnvSchema.shape);

export function readSlackConfig(env: EnvValues): PlatformConfigResult<SlackConfig> {
  const parsed = slackEnvSchema.safeParse(env);
  if (!parsed.success) {
    return { problems: envProblems(parsed.error) };
  }
  const e = parsed.data;
  if (!e.SLACK_BOT_TOKEN && !e.SLACK_APP_TOKEN && !e.SLACK_SIGNING_SECRET && !e.SLACK_API_URL) {
    return { problems: [] };
  }
  const problems: string[] = [];
  if (!e.SLACK_BOT_TOKEN) problems.push("SLACK_BOT_TOKEN: required when any SLACK_ variable is set");
  if (!e.SLACK_APP_TOKEN && !e.SLACK_SIGNING_SECRET) {
    problems.push("SLACK_SIGNING_SECRET: required in HTTP mode (or set SLACK_APP_TOKEN for Socket Mode)");
  }
  if (!e.SLACK_BOT_TOKEN || problems.length > 0) return { problems };
  return {
    problems,
    config: {
      botToken: e.SLACK_BOT_TOKEN,
      appToken: e.SLACK_APP_TOKEN,
      signingSecret: e.SLACK_SIGNING_SECRET,
      apiUrl: e.SLACK_API_URL ? e.SLACK_API_URL.replace(/\/?$/, "/") : undefined,
      assistant: e.SLACK_ASSISTANT === "true",
    },
  };
}
