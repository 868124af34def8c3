/**
 * Who may ask about which area (the access policy, from ACCESS_POLICY_FILE or the
 * AREA_CHANNELS shorthand). An area listed in the policy is answered only where one of its
 * rules matches: per chat platform, lists of ids under the keys that platform declares (Slack:
 * channels and users; Teams: teams and conversations), `*` matching any. An area not listed
 * follows the policy's default. Refusals name whom to ask. Nothing here knows a platform:
 * each declares which id of the asker each of its keys is matched against.
 */

/** The id of an asker a policy key matches: the channel (or conversation), the user, or the group (Teams team). */
export type SubjectField = "channel" | "user" | "group";

/** A platform's policy keys and the field each one reads: `{ channels: "channel", users: "user" }`. */
export type PolicyKeys = Readonly<Record<string, SubjectField>>;

export interface AreaRule {
  /** platform → policy key → ids (`*` = any). */
  readonly grants: ReadonlyMap<string, ReadonlyMap<string, readonly string[]>>;
  /** Whom to ask for this area; the policy's contact when unset. */
  readonly contact: string | undefined;
}

export interface AccessPolicy {
  readonly defaultAccess: "allow" | "deny";
  readonly contact: string | undefined;
  readonly areas: ReadonlyMap<string, AreaRule>;
  /** platform → its policy keys. */
  readonly keys: ReadonlyMap<string, PolicyKeys>;
  /** Where it came from, for the startup log: "kpi-access.yml", "AREA_CHANNELS", "none". */
  readonly source: string;
}

/** Who asks (or, for a digest, where it goes: no user, no group). */
export interface AccessSubject {
  /** The platform's registry name. */
  readonly platform: string;
  /** Slack channel id or Teams conversation id. */
  readonly channelId: string;
  readonly userId?: string;
  /** The group the conversation belongs to (Teams team id), when it has one. */
  readonly teamId?: string;
}

const DEFAULT_CONTACT = "your kpi-bot admin";
const AREA_CHANNELS_SOURCE = "AREA_CHANNELS";

export function openPolicy(keys: ReadonlyMap<string, PolicyKeys>): AccessPolicy {
  return Object.freeze({
    defaultAccess: "allow",
    contact: undefined,
    areas: new Map(),
    keys,
    source: "none",
  });
}

const matches = (list: readonly string[], id: string | undefined) =>
  id !== undefined && id !== "" && (list.includes("*") || list.includes(id));

function idOf(subject: AccessSubject, field: SubjectField): string | undefined {
  if (field === "channel") return subject.channelId;
  return field === "user" ? subject.userId : subject.teamId;
}

export function mayAsk(policy: AccessPolicy, area: string, subject: AccessSubject): boolean {
  const rule = policy.areas.get(area);
  if (!rule) return policy.defaultAccess === "allow";
  const keys = policy.keys.get(subject.platform) ?? {};
  for (const [key, ids] of rule.grants.get(subject.platform) ?? []) {
    const field = keys[key];
    if (field && matches(ids, idOf(subject, field))) return true;
  }
  return false;
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

/** The keys of a platform that match channels (AREA_CHANNELS grants those). */
const channelKeys = (keys: PolicyKeys): string[] =>
  Object.entries(keys)
    .filter(([, field]) => field === "channel")
    .map(([key]) => key);

/**
 * AREA_CHANNELS (`orders:C0123,C0456;campaigns:C0123`) as a policy: a listed area is answered
 * only in those channels or conversations, on every platform; other areas everywhere.
 */
export function policyFromAreaChannels(
  areaChannels: ReadonlyMap<string, readonly string[]>,
  keys: ReadonlyMap<string, PolicyKeys>,
): AccessPolicy {
  if (areaChannels.size === 0) return openPolicy(keys);
  const areas = new Map<string, AreaRule>();
  for (const [area, ids] of areaChannels) {
    const grants = new Map<string, ReadonlyMap<string, readonly string[]>>();
    for (const [platform, platformKeys] of keys) {
      grants.set(platform, new Map(channelKeys(platformKeys).map((key) => [key, ids])));
    }
    areas.set(area, { grants, contact: undefined });
  }
  return Object.freeze({
    defaultAccess: "allow",
    contact: undefined,
    areas,
    keys,
    source: AREA_CHANNELS_SOURCE,
  });
}

/** Where a person may ask about an area without being named a channel: anywhere, or only in these channels. */
export type Reach =
  | { readonly anywhere: true }
  | { readonly anywhere: false; readonly channels: readonly string[] };

export function reachOf(policy: AccessPolicy, area: string, platform: string, userId: string): Reach {
  const keys = channelKeys(policy.keys.get(platform) ?? {});
  const grants = policy.areas.get(area)?.grants.get(platform);
  const channels = keys.flatMap((key) => grants?.get(key) ?? []);
  if (channels.includes("*") || mayAsk(policy, area, { platform, channelId: "", userId })) {
    return { anywhere: true };
  }
  return { anywhere: false, channels };
}
