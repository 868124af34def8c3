/**
 * A structural check of a Teams app manifest against what the v1.17 schema requires
 * (https://developer.microsoft.com/json-schemas/teams/v1.17/MicrosoftTeams.schema.json):
 * the required top-level properties and their required members, the patterns (GUID, hex
 * colour, http(s) URLs), maximum lengths, the bot's required fields, scopes and command
 * list limits, and no top-level property the schema does not define. Returns the problems.
 */

const GUID = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;
const HTTPS_URL = /^[Hh][Tt][Tt][Pp][Ss]?:\/\//;
const SCOPES = ["team", "personal", "groupChat"];
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
/** Top-level properties of the v1.17 schema. */
const KNOWN = new Set([
  ...REQUIRED,
  "$schema",
  "packageName",
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
]);

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

export function validateTeamsManifest(manifest: unknown): string[] {
  const problems: string[] = [];
  const fail = (message: string) => problems.push(message);
  if (!isObject(manifest)) return ["manifest must be an object"];
  for (const key of REQUIRED) if (!(key in manifest)) fail(`missing required ${key}`);
  for (const key of Object.keys(manifest))
    if (!KNOWN.has(key)) fail(`${key} is not a v1.17 manifest property`);
  if (manifest.manifestVersion !== "1.17") fail("manifestVersion must be 1.17");
  if (manifest.$schema !== undefined && !String(manifest.$schema).includes("/v1.17/"))
    fail("$schema is not the v1.17 schema");
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
      const scopes = bot.scopes;
      if (
        !Array.isArray(scopes) ||
        scopes.length === 0 ||
        scopes.length > 3 ||
        scopes.some((s) => !SCOPES.includes(s))
      )
        fail(`bots[${i}].scopes must be 1–3 of ${SCOPES.join(", ")}`);
      const lists = (bot.commandLists ?? []) as unknown[];
      if (!Array.isArray(lists) || lists.length > 3) fail(`bots[${i}].commandLists: at most 3`);
      for (const [j, list] of lists.entries()) {
        const commands = isObject(list) ? list.commands : undefined;
        if (!Array.isArray(commands) || commands.length > 10)
          fail(`bots[${i}].commandLists[${j}]: 1–10 commands`);
        for (const c of Array.isArray(commands) ? commands : []) {
          if (!isObject(c) || typeof c.title !== "string" || c.title.length > 32)
            fail(`command title ${JSON.stringify(c)}`);
          else if (typeof c.description !== "string" || c.description.length > 128)
            fail(`command ${c.title}: description must be ≤ 128 characters`);
        }
      }
    }
  }
  return problems;
}
