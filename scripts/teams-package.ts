/**
 * `npm run teams:package [-- <output.zip>]`: builds the Teams app package (default
 * dist/teams-app.zip) for the bot whose Microsoft App ID is TEAMS_APP_ID. Optional:
 * PUBLIC_BASE_URL (validDomains, and the developer website when TEAMS_APP_WEBSITE_URL is
 * unset), TEAMS_APP_WEBSITE_URL, TEAMS_APP_PRIVACY_URL, TEAMS_APP_TERMS_URL.
 * This entry point reads the environment itself: packaging needs none of the server's settings.
 */
import { resolve } from "node:path";
import { writeTeamsPackage } from "../src/bot/teams/package/build-package.js";
import { ManifestError } from "../src/bot/teams/package/teams-manifest.js";
import { projectPath, projectVersion } from "../src/project-files.js";

const env = (name: string) => process.env[name]?.trim() || undefined;

try {
  const version = projectVersion();
  const output = resolve(process.argv[2] ?? projectPath("dist", "teams-app.zip"));
  const publicBaseUrl = env("PUBLIC_BASE_URL");
  const websiteUrl = env("TEAMS_APP_WEBSITE_URL") ?? publicBaseUrl ?? "http://localhost:3000";
  const built = await writeTeamsPackage(output, {
    appId: env("TEAMS_APP_ID"),
    version,
    websiteUrl,
    ...(env("TEAMS_APP_PRIVACY_URL") ? { privacyUrl: env("TEAMS_APP_PRIVACY_URL") } : {}),
    ...(env("TEAMS_APP_TERMS_URL") ? { termsOfUseUrl: env("TEAMS_APP_TERMS_URL") } : {}),
    ...(publicBaseUrl ? { publicBaseUrl } : {}),
  });
  console.log(
    `Wrote ${output} (${built.zip.length} bytes): manifest ${built.manifest.manifestVersion} for bot ${built.manifest.id}, version ${built.manifest.version}`,
  );
} catch (error) {
  console.error(error instanceof ManifestError ? `teams:package: ${error.message}` : error);
  process.exitCode = 1;
}
