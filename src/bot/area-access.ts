/**
 * Which channels may ask about which area (AREA_CHANNELS, e.g. `orders:C0123,C0456`):
 * an area that is listed is answered only in its channels; other areas everywhere.
 */
export function refusalFor(
  area: string,
  channelId: string,
  areaChannels: ReadonlyMap<string, readonly string[]>,
): string | undefined {
  const allowed = areaChannels.get(area);
  if (!allowed || allowed.includes(channelId)) return undefined;
  return `\`${area}\` is answered only in selected channels, not here. Ask in one of them, or ask your kpi-bot admin to allow this channel.`;
}
