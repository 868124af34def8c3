/** Abuse limits, as src/config.ts reads them (the access policy file is read in config-chat.ts). */
import { z } from "zod";

/** Admission control of chat requests (CHAT_MAX_*). */
export interface AdmissionLimits {
  /** Requests answered at once (CHAT_MAX_IN_PROGRESS). */
  readonly maxActive: number;
  /** Requests waiting for a turn (CHAT_MAX_WAITING); more are shed at once. */
  readonly maxWaiting: number;
  /** How long a request may wait for its turn before it is shed (CHAT_MAX_WAIT_MS). */
  readonly maxWaitMs: number;
}

export interface SecurityConfig {
  /** Questions one person may ask per minute (per platform), across channels. */
  readonly userPerMinute: number;
  /** Questions one channel or conversation may ask per minute, across people. */
  readonly channelPerMinute: number;
  /** Reporting queries run at once by this process; more wait their turn. */
  readonly maxConcurrentQueries: number;
  /** Chat requests answered at once, waiting at most, and how long one may wait (admission control). */
  readonly admission: AdmissionLimits;
}

export const securityEnvSchema = z.object({
  RATE_LIMIT_USER_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(10),
  RATE_LIMIT_CHANNEL_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(30),
  DB_MAX_CONCURRENT_QUERIES: z.coerce.number().int().min(1).max(256).default(8),
  CHAT_MAX_IN_PROGRESS: z.coerce.number().int().min(1).max(1_000).default(16),
  CHAT_MAX_WAITING: z.coerce.number().int().min(0).max(100_000).default(100),
  CHAT_MAX_WAIT_MS: z.coerce.number().int().min(100).max(600_000).default(30_000),
});

export function securityConfigFrom(e: z.infer<typeof securityEnvSchema>): SecurityConfig {
  return {
    userPerMinute: e.RATE_LIMIT_USER_PER_MINUTE,
    channelPerMinute: e.RATE_LIMIT_CHANNEL_PER_MINUTE,
    maxConcurrentQueries: e.DB_MAX_CONCURRENT_QUERIES,
    admission: {
      maxActive: e.CHAT_MAX_IN_PROGRESS,
      maxWaiting: e.CHAT_MAX_WAITING,
      maxWaitMs: e.CHAT_MAX_WAIT_MS,
    },
  };
}
