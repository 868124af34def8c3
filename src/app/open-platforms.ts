/**
 * Opens the configured chat platforms (the registry's, as config read them) with the
 * process's shared parts, and collects their senders by name: what the server mounts and what
 * the scheduler sends through. The CLI opens them the same way, without a server.
 */
import type { ChatPlatform, PlatformDeps } from "../bot/chat-platform.js";
import type { EnabledPlatform } from "../config.js";
import type { Senders } from "../schedule/senders.js";

export interface OpenPlatforms {
  readonly platforms: readonly ChatPlatform[];
  readonly senders: Senders;
  /** Stops every platform (connections, pending work); never throws. */
  stop(): Promise<void>;
}

export async function openPlatforms(
  enabled: readonly EnabledPlatform[],
  deps: PlatformDeps,
): Promise<OpenPlatforms> {
  const platforms: ChatPlatform[] = [];
  try {
    for (const { definition, config } of enabled) platforms.push(await definition.open(config, deps));
  } catch (error) {
    for (const platform of platforms) await platform.stop().catch(() => undefined);
    throw error;
  }
  return {
    platforms,
    senders: Object.fromEntries(platforms.map((p) => [p.name, p.senders])),
    async stop() {
      for (const platform of platforms) await platform.stop().catch(() => undefined);
    },
  };
}
