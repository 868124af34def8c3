/**
 * Where a digest or alert goes: `slack:<channel id>` or `teams:<conversation id>`.
 * A Teams conversation id may itself contain colons (19:abc@thread.tacv2); only the first
 * colon separates the platform.
 */
import { UserError } from "../errors.js";

export const PLATFORMS = ["slack", "teams"] as const;

export type Platform = (typeof PLATFORMS)[number];

export interface Target {
  readonly platform: Platform;
  /** Slack channel id (C0123ABC) or Teams conversation id. */
  readonly id: string;
}

export const TARGET_EXAMPLE = "slack:C0123ABC or teams:<conversation id>";
const MAX_TARGET_CHARS = 300;

export function parseTarget(text: string): Target {
  const trimmed = text.trim();
  const colon = trimmed.indexOf(":");
  const platform = trimmed.slice(0, colon).toLowerCase();
  const id = trimmed.slice(colon + 1);
  const valid =
    colon > 0 &&
    trimmed.length <= MAX_TARGET_CHARS &&
    ((platform === "slack" && /^[A-Za-z0-9]{2,}$/.test(id)) || (platform === "teams" && /^\S+$/.test(id)));
  if (!valid) {
    const shown = trimmed.replace(/[`\p{C}]/gu, "").slice(0, 40);
    throw new UserError("invalid_target", `Invalid target \`${shown}\`: write ${TARGET_EXAMPLE}.`);
  }
  return { platform: platform as Platform, id };
}

export function targetToText(target: Target): string {
  return `${target.platform}:${target.id}`;
}
