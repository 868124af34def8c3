/**
 * manifest.json of the Teams app package, schema version 1.29, the newest released schema
 * (https://github.com/OfficeDev/microsoft-teams-app-schema, released June 2026; the developer
 * preview lives on its own branch and is not used):
 * one bot (the Azure Bot's Microsoft App ID) in personal, team and group chat scopes, with
 * the areas as its command list, and the resource-specific consent (RSC) to read the
 * messages of the teams and chats it is installed in: a digest or alert whose record was
 * lost in a crash is looked for through Microsoft Graph before it is posted again
 * (src/bot/teams/graph/). RSC in manifest 1.12+: webApplicationInfo (the Entra app id; the
 * resource is unused but required) and authorization.permissions.resourceSpecific.
 * https://learn.microsoft.com/microsoftteams/platform/graph-api/rsc/grant-resource-specific-consent
 * Universal Actions (Action.Execute, refresh) need nothing in the manifest: the bot already
 * receives the `adaptiveCard/action` invokes.
 */
import { areaModule } from "../../../areas/registry.js";
import { ACCENT_COLOR } from "./app-icons.js";

export const MANIFEST_VERSION = "1.29";
export const MANIFEST_SCHEMA_URL = `https://developer.microsoft.com/json-schemas/teams/v${MANIFEST_VERSION}/MicrosoftTeams.schema.json`;
export const COLOR_ICON_FILE = "color.png";
export const OUTLINE_ICON_FILE = "outline.png";

/** Application RSC permissions: read channel messages (teams), read chat messages (group chats). */
export const RSC_PERMISSIONS = ["ChannelMessage.Read.Group", "ChatMessage.Read.Chat"] as const;

const GUID = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;
const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;
const HTTP_URL = /^https?:\/\/[^\s]+$/i;
/**
 * Commands shown per list: the 1.29 schema allows 12 (titles ≤ 128, descriptions ≤ 4,000
 * characters); ten short ones stay readable in Teams' command menu (descriptions cut at 128).
 */
const MAX_COMMANDS = 10;
const COMMAND_AREAS = [
  "campaigns",
  "orders",
  "users",
  "products",
  "ads",
  "ad-performance",
  "traffic",
  "stock",
  "roas",
] as const;

export interface ManifestOptions {
  /** The Azure Bot's Microsoft App ID (TEAMS_APP_ID), also used as the app's id. */
  readonly appId: string | undefined;
  /** The app version, semver (package.json's). */
  readonly version: string;
  /** Developer website; privacy and terms pages default to it. */
  readonly websiteUrl: string;
  readonly privacyUrl?: string;
  readonly termsOfUseUrl?: string;
  /** The bot's public host, listed in validDomains when it is https. */
  readonly publicBaseUrl?: string;
}

export class ManifestError extends Error {
  override readonly name = "ManifestError";
}

function check(condition: boolean, message: string): void {
  if (!condition) throw new ManifestError(message);
}

export function teamsManifest(options: ManifestOptions) {
  const appId = options.appId?.trim();
  check(!!appId, "TEAMS_APP_ID is not set: set it to the Microsoft App ID of the Azure Bot (a GUID).");
  check(
    GUID.test(appId as string),
    `TEAMS_APP_ID must be a GUID (the Azure Bot's Microsoft App ID), not "${appId}".`,
  );
  check(SEMVER.test(options.version), `The app version must look like 1.2.3, not "${options.version}".`);
  const website = options.websiteUrl;
  for (const [name, url] of [
    ["website", website],
    ["privacy", options.privacyUrl ?? website],
    ["terms of use", options.termsOfUseUrl ?? website],
  ] as const) {
    check(HTTP_URL.test(url), `The developer ${name} URL must be an http(s) URL, not "${url}".`);
  }
  const publicHost = options.publicBaseUrl?.startsWith("https://")
    ? new URL(options.publicBaseUrl).host
    : undefined;
  const commands = [
    { title: "help", description: "What I can answer, with examples: help, help campaigns, help metrics" },
    ...COMMAND_AREAS.map((area) => ({
      title: area,
      description:
        `${areaModule(area).examples[0]?.replace(/^\/kpi /, "") ?? area} — ${areaModule(area).description}`.slice(
          0,
          128,
        ),
    })),
  ].slice(0, MAX_COMMANDS);
  return {
    $schema: MANIFEST_SCHEMA_URL,
    manifestVersion: MANIFEST_VERSION,
    version: options.version,
    id: appId as string,
    developer: {
      name: "kpi-bot",
      websiteUrl: website,
      privacyUrl: options.privacyUrl ?? website,
      termsOfUseUrl: options.termsOfUseUrl ?? website,
    },
    name: { short: "KPI Bot", full: "KPI Bot: marketing KPIs in chat" },
    description: {
      short: "Marketing KPIs from the reporting database, answered in chat.",
      full: "Ask for campaigns, orders, users, products, ads, the ad funnel, traffic or low stock with a period (e.g. `campaigns last-30d`): KPI Bot answers with the numbers, the change against the previous period or last year, a table and a chart, and posts daily digests to channels that subscribe.",
    },
    icons: { color: COLOR_ICON_FILE, outline: OUTLINE_ICON_FILE },
    accentColor: ACCENT_COLOR,
    bots: [
      {
        botId: appId as string,
        scopes: ["personal", "team", "groupChat"],
        supportsFiles: false,
        isNotificationOnly: false,
        commandLists: [{ scopes: ["personal", "team", "groupChat"], commands }],
      },
    ],
    permissions: ["identity", "messageTeamMembers"],
    validDomains: publicHost ? [publicHost] : [],
    webApplicationInfo: { id: appId as string, resource: `api://kpi-bot/${appId}` },
    authorization: {
      permissions: {
        resourceSpecific: RSC_PERMISSIONS.map((name) => ({ name, type: "Application" as const })),
      },
    },
  };
}

export type TeamsManifest = ReturnType<typeof teamsManifest>;
