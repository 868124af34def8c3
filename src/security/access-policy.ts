/**
 * Who may ask about which area (the access policy, from ACCESS_POLICY_FILE or the
 * AREA_CHANNELS shorthand). An area listed in the policy is answered only where one of
 * its rules matches: a Slack channel or user, a Teams team or conversation (`*` matches
 * any). An area not listed follows the policy's default. Refusals name whom to ask.
 */

export type Platform = "slack" | "teams";

export interface AreaRule {
  readonly slackChannels: readonly string[];
  readonly slackUsers: readonly string[];
  readonly teamsTeams: readonly string[];
  readonly teamsConversations: readonly string[];
  /** Whom to ask for this area; the policy's contact when unset. */
  readonly contact: string | undefined;
}

export interface AccessPolicy {
  readonly defaultAccess: "allow" | "deny";
  readonly contact: string | undefined;
  readonly areas: ReadonlyMap<string, AreaRule>;
  /** Where it came from, for the startup log: "kpi-access.yml", "AREA_CHANNELS", "none". */
  readonly source: string;
}

/** Who asks (or, for a digest, where it goes: no user, no team). */
export interface AccessSubject {
  readonly platform: Platform;
  /** Slack channel id or Teams conversation id. */
  readonly channelId: string;
  readonly userId?: string;
  /** Teams team id (channelData.team.id), when the conversation is in a team. */
  readonly teamId?: string;
}

export const OPEN_POLICY: AccessPolicy = Object.freeze({
  defaultAccess: "allow",
  contact: undefined,
  areas: new Map(),
  source: "none",
});

const DEFAULT_CONTACT = "your kpi-bot admin";
const AREA_CHANNELS_SOURCE = "AREA_CHANNELS";

const matches = (list: readonly string[], id: string | undefined) =>
  id !== undefined && id !== "" && (list.includes("*") || list.includes(id));

export function mayAsk(policy: AccessPolicy, area: string, subject: AccessSubject): boolean {
  const rule = policy.areas.get(area);
  if (!rule) return policy.defaultAccess === "allow";
  if (subject.platform === "slack") {
    return matches(rule.slackChannels, subject.channelId) || matches(rule.slackUsers, subject.userId);
  }
  return matches(rule.teamsConversations, subject.channelId) || matches(rule.teamsTeams, subject.teamId);
}

export function contactFor(policy: AccessPolicy, area: string): string {
  return policy.areas.get(area)?.contact ?? policy.contact ?? DEFAULT_CONTACT;
}

/** The one-line refusal for an asker, or undefined when the area may be asked here. */
export function accessRefusal(
  policy: AccessPolicy,
  area: string,
  subject: AccessSubject,
): string | undefined {
  if (mayAsk(policy, area, subject)) return undefined;
  if (policy.source === AREA_CHANNELS_SOURCE) {
    return `\`${area}\` is answered only in selected channels, not here. Ask in one of them, or ask ${contactFor(policy, area)} to allow this channel.`;
  }
  return `\`${area}\` is not available to you here. To get access, ask ${contactFor(policy, area)}.`;
}

/** The refusal for a digest target (a channel, not a person). */
export function deliveryRefusal(
  policy: AccessPolicy,
  area: string,
  subject: AccessSubject,
): string | undefined {
  if (mayAsk(policy, area, subject)) return undefined;
  return `\`${area}\` may not be sent to this channel (access policy); ask ${contactFor(policy, area)}.`;
}

/** AREA_CHANNELS (`orders:C0123,C0456;campaigns:C0123`) as a policy: listed areas only in their ids. */
export function policyFromAreaChannels(areaChannels: ReadonlyMap<string, readonly string[]>): AccessPolicy {
  if (areaChannels.size === 0) return OPEN_POLICY;
  const areas = new Map<string, AreaRule>();
  for (const [area, ids] of areaChannels) {
    areas.set(area, {
      slackChannels: ids,
      slackUsers: [],
      teamsTeams: [],
      teamsConversations: ids,
      contact: undefined,
    });
  }
  return Object.freeze({ defaultAccess: "allow", contact: undefined, areas, source: AREA_CHANNELS_SOURCE });
}

/** Where a Slack user may ask about an area: anywhere, only in some channels, or nowhere. */
export type SlackReach =
  | { readonly anywhere: true }
  | { readonly anywhere: false; readonly channels: readonly string[] };

export function slackReach(policy: AccessPolicy, area: string, userId: string): SlackReach {
  const channels = policy.areas.get(area)?.slackChannels ?? [];
  if (channels.includes("*") || mayAsk(policy, area, { platform: "slack", channelId: "", userId })) {
    return { anywhere: true };
  }
  return { anywhere: false, channels: channels.filter((c) => /^[A-Z0-9]+$/.test(c)) };
}
