/**
 * AREA_CHANNELS (e.g. `orders:C0123,C0456`), the shorthand of the access policy: an area
 * that is listed is answered only in its channels; other areas everywhere. The full
 * policy (ACCESS_POLICY_FILE) lives in src/security/access-policy.ts.
 */
import { accessRefusal, policyFromAreaChannels } from "../security/access-policy.js";

export function refusalFor(
  area: string,
  channelId: string,
  areaChannels: ReadonlyMap<string, readonly string[]>,
): string | undefined {
  return accessRefusal(policyFromAreaChannels(areaChannels), area, { platform: "slack", channelId });
}
