/**
 * Where a digest or alert goes: `<platform>:<id>`, e.g. `slack:C0123ABC` or
 * `teams:19:abc@thread.tacv2` (only the first colon separates the platform). Which platforms
 * exist and what their ids look like is each platform's to say (TargetRules); the scheduler
 * only keeps and compares targets.
 */
import { quoted, UserError } from "../errors.js";

export interface Target {
  /** The platform's registry name ("slack", "teams", …). */
  readonly platform: string;
  /** The platform's id of a channel or conversation. */
  readonly id: string;
}

/** A platform's rules for its target ids. */
export interface TargetRules {
  readonly platform: string;
  /** An example target, for messages: `slack:C0123ABC`. */
  readonly example: string;
  /** The id as it is stored, or undefined when it is not one of this platform's ids. */
  parseId(id: string): string | undefined;
  /** Ids that belong to this platform even without the `platform:` prefix (Slack's C0123ABC). */
  readonly bareId?: RegExp;
}

/** Parses `platform:id` (or a bare id a platform claims); a UserError names the valid forms. */
export type TargetParser = (text: string) => Target;

const MAX_TARGET_CHARS = 300;

/**
 * The parser for these platforms' targets. With `allowBare`, an id a platform claims without
 * its prefix (ALERT_CHANNEL=C0STOCK) is read as that platform's; otherwise the prefix is needed.
 */
export function targetParser(
  rules: readonly TargetRules[],
  options: { readonly allowBare?: boolean } = {},
): TargetParser {
  const examples = rules.map((r) => r.example).join(" or ");
  return (text) => {
    const trimmed = text.trim();
    const bare = options.allowBare ? rules.find((r) => r.bareId?.test(trimmed)) : undefined;
    const colon = trimmed.indexOf(":");
    const platform = bare ? bare.platform : trimmed.slice(0, Math.max(0, colon)).toLowerCase();
    const rule = rules.find((r) => r.platform === platform);
    const id =
      rule && trimmed.length <= MAX_TARGET_CHARS
        ? rule.parseId(bare ? trimmed : trimmed.slice(colon + 1))
        : undefined;
    if (!id) {
      const hint = examples === "" ? "no chat platform is known" : `write ${examples}`;
      throw new UserError("invalid_target", `Invalid target ${quoted(trimmed)}: ${hint}.`);
    }
    return { platform, id };
  };
}

export function targetToText(target: Target): string {
  return `${target.platform}:${target.id}`;
}

/** A target as stored (checked when it was stored): the platform before the first colon, the id after. */
export function storedTarget(text: string): Target {
  const colon = text.indexOf(":");
  return { platform: text.slice(0, colon), id: text.slice(colon + 1) };
}
