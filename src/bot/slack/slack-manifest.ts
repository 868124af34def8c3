/**
 * The Slack app manifest for one deployment: manifest.yml as written (Socket Mode, the
 * example host), or — with PUBLIC_BASE_URL an https address — HTTP mode at that host plus link
 * previews: the `links:read` and `links:write` scopes, the `link_shared` event and the host
 * as the app's unfurl domain (https://docs.slack.dev/reference/app-manifest, features.unfurl_domains).
 */
import { parse, stringify } from "yaml";

/** The scopes and event link previews need (only asked for when PUBLIC_BASE_URL is set). */
export const UNFURL_SCOPES = ["links:read", "links:write"] as const;
export const UNFURL_EVENT = "link_shared";
const EXAMPLE_ORIGIN = "https://kpi.example.com";

interface Manifest {
  features: { unfurl_domains?: string[]; slash_commands: { url: string }[] };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { request_url: string; bot_events: string[] };
    interactivity: { request_url: string };
    socket_mode_enabled: boolean;
  };
}

/** manifest.yml's text → the manifest for `publicBaseUrl` (unchanged without an https one). */
export function slackManifestFor(manifestYaml: string, publicBaseUrl: string | undefined): string {
  if (!publicBaseUrl?.startsWith("https://")) return manifestYaml;
  const base = publicBaseUrl.replace(/\/$/u, "");
  const manifest = parse(manifestYaml) as Manifest;
  const events = `${base}/slack/events`;
  for (const command of manifest.features.slash_commands)
    command.url = command.url.replace(EXAMPLE_ORIGIN, base);
  manifest.features.unfurl_domains = [new URL(base).hostname];
  manifest.oauth_config.scopes.bot = [...new Set([...manifest.oauth_config.scopes.bot, ...UNFURL_SCOPES])];
  manifest.settings.event_subscriptions.request_url = events;
  manifest.settings.event_subscriptions.bot_events = [
    ...new Set([...manifest.settings.event_subscriptions.bot_events, UNFURL_EVENT]),
  ];
  manifest.settings.interactivity.request_url = events;
  manifest.settings.socket_mode_enabled = false;
  return stringify(manifest);
}
