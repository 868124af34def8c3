/**
 * A structural check of a Teams app manifest against what the v1.29 schema requires
 * (https://developer.microsoft.com/json-schemas/teams/v1.29/MicrosoftTeams.schema.json, from
 * https://github.com/OfficeDev/microsoft-teams-app-schema): the required top-level properties
 * and their required members, the patterns (GUID, hex colour, http(s) URLs), maximum lengths,
 * the bot's required fields and known properties, scopes (copilot since 1.2x) and command list
 * limits (3 lists of 12), resource-specific consent entries, and no top-level property the
 * schema does not define (packageName is gone). Returns the problems.
 */

const GUID = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;
const HTTPS_URL = /^[Hh][Tt][Tt][Pp][Ss]?:\/\//;
export const SCHEMA_VERSION = "1.29";
const SCOPES = ["team", "personal", "groupChat", "copilot"];
const MAX_COMMANDS = 12;
const BOT_PROPERTIES = new Set([
  "botId",
  "commandLists",
  "configuration",
  "isNotificationOnly",
  "needsChannelSelector",
  "registrationInfo",
  "requirementSet",
  "scopes",
  "supportsCalling",
  "supportsFiles",
  "supportsTargetedMessages",
  "supportsVideo",
]);
const REQUIRED = [
  "manifestVersion",
  "version",
  "id",
  "developer",
  "name",
  "description",
  "icons",
  "accentColor",
];
/** Top-level properties of the v1.29 schema. */
const KNOWN = new Set([
  ...REQUIRED,
  "$schema",
  "localizationInfo",
  "configurableTabs",
  "staticTabs",
  "bots",
  "connectors",
  "subscriptionOffer",
  "composeExtensions",
  "permissions",
  "devicePermissions",
  "validDomains",
  "webApplicationInfo",
  "graphConnector",
  "showLoadingIndicator",
  "isFullScreen",
  "activities",
  "configurableProperties",
  "supportedChannelTypes",
  "defaultBlockUntilAdminAction",
  "publisherDocsUrl",
  "defaultInstallScope",
  "defaultGroupCapability",
  "meetingExtensionDefinition",
  "authorization",
  "extensions",
  "dashboardCards",
  "copilotAgents",
  "elementRelationshipSet",
  "backgroundLoadConfiguration",
  "intuneInfo",
  "supportsChannelFeatures",
  "agenticUserTemplates",
  "agentConnectors",
  "agentSkills",
]);

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

export function validateTeamsManifest(manifest: unknown): string[] {
  const problems: string[] = [];
  const fail = (message: string) => problems.push(message);
  if (!isObject(manifest)) return ["manifest must be an object"];
  for (const key of REQUIRED) if (!(key in manifest)) fail(`missing required ${key}`);
  for (const key of Object.keys(manifest))
    if (!KNOWN.has(key)) fail(`${key} is not a v${SCHEMA_VERSION} manifest property`);
  if (manifest.manifestVersion !== SCHEMA_VERSION) fail(`manifestVersion must be ${SCHEMA_VERSION}`);
  if (manifest.$schema !== undefined && !String(manifest.$schema).includes(`/v${SCHEMA_VERSION}/`))
    fail(`$schema is not the v${SCHEMA_VERSION} schema`);
  if (typeof manifest.version !== "string" || manifest.version.length > 256) fail("version must be a string");
  if (!GUID.test(String(manifest.id))) fail("id must be a GUID");
  if (!/^#[0-9a-fA-F]{6}$/.test(String(manifest.accentColor))) fail("accentColor must be #RRGGBB");

  const strings = (path: string, value: unknown, keys: Record<string, number>, urls: string[] = []) => {
    if (!isObject(value)) return void fail(`${path} must be an object`);
    for (const [key, max] of Object.entries(keys)) {
      const v = value[key];
      if (typeof v !== "string" || v.length === 0) fail(`${path}.${key} is required`);
      else if (v.length > max) fail(`${path}.${key} is longer than ${max}`);
      else if (urls.includes(key) && !HTTPS_URL.test(v)) fail(`${path}.${key} must be an http(s) URL`);
    }
    for (const key of Object.keys(value))
      if (!(key in keys) && key !== "mpnId") fail(`${path}.${key} is not allowed`);
  };
  strings(
    "developer",
    manifest.developer,
    { name: 32, websiteUrl: 2048, privacyUrl: 2048, termsOfUseUrl: 2048 },
    ["websiteUrl", "privacyUrl", "termsOfUseUrl"],
  );
  strings("name", manifest.name, { short: 30, full: 100 });
  checkConsent(manifest, fail);
  strings("description", manifest.description, { short: 80, full: 4000 });
  strings("icons", manifest.icons, { color: 2048, outline: 2048 });

  const bots = manifest.bots;
  if (bots !== undefined) {
    if (!Array.isArray(bots) || bots.length > 1) fail("bots must be an array of at most one bot");
    for (const [i, bot] of (Array.isArray(bots) ? bots : []).entries()) {
      if (!isObject(bot)) {
        fail(`bots[${i}] must be an object`);
        continue;
      }
      if (!GUID.test(String(bot.botId))) fail(`bots[${i}].botId must be a GUID`);
      for (const key of Object.keys(bot))
        if (!BOT_PROPERTIES.has(key)) fail(`bots[${i}].${key} is not a bot property`);
      const scopes = bot.scopes;
      if (
        !Array.isArray(scopes) ||
        scopes.length === 0 ||
        scopes.length > SCOPES.length ||
        scopes.some((s) => !SCOPES.includes(s))
      )
        fail(`bots[${i}].scopes must be 1–${SCOPES.length} of ${SCOPES.join(", ")}`);
      const lists = (bot.commandLists ?? []) as unknown[];
      if (!Array.isArray(lists) || lists.length > 3) fail(`bots[${i}].commandLists: at most 3`);
      for (const [j, list] of lists.entries()) {
        const commands = isObject(list) ? list.commands : undefined;
        if (!Array.isArray(commands) || commands.length > MAX_COMMANDS)
          fail(`bots[${i}].commandLists[${j}]: 1–${MAX_COMMANDS} commands`);
        for (const c of Array.isArray(commands) ? commands : []) {
          if (!isObject(c) || typeof c.title !== "string" || c.title.length > 128)
            fail(`command title ${JSON.stringify(c)}`);
          else if (typeof c.description !== "string" || c.description.length > 4000)
            fail(`command ${c.title}: description must be ≤ 4000 characters`);
        }
      }
    }
  }
  return problems;
}

/** webApplicationInfo (the Entra app id) and authorization.permissions.resourceSpecific (≤ 16, unique, typed). */
function checkConsent(manifest: Json, fail: (message: string) => void): void {
  const web = manifest.webApplicationInfo;
  if (web !== undefined && (!isObject(web) || !GUID.test(String(web.id))))
    fail("webApplicationInfo.id must be a GUID");
  const auth = manifest.authorization;
  if (auth === undefined) return;
  const rsc = isObject(auth) && isObject(auth.permissions) ? auth.permissions.resourceSpecific : undefined;
  if (!Array.isArray(rsc) || rsc.length > 16)
    return void fail("authorization.permissions.resourceSpecific: 0–16 entries");
  const seen = new Set<string>();
  for (const entry of rsc) {
    const ok =
      isObject(entry) &&
      Object.keys(entry).every((k) => k === "name" || k === "type") &&
      typeof entry.name === "string" &&
      entry.name.length > 0 &&
      entry.name.length <= 128 &&
      (entry.type === "Application" || entry.type === "Delegated");
    if (!ok)
      fail(
        `authorization.permissions.resourceSpecific entry ${JSON.stringify(entry)}: name and type (Application or Delegated)`,
      );
    const key = JSON.stringify(entry);
    if (seen.has(key)) fail(`authorization.permissions.resourceSpecific: ${key} twice`);
    seen.add(key);
  }
}
