/**
 * The Teams app package (dist/teams-app.zip): manifest.json, color.png and outline.png at
 * the root of one zip, as Teams' "Upload a custom app" and the admin center expect.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { colorIcon, outlineIcon } from "./app-icons.js";
import {
  COLOR_ICON_FILE,
  type ManifestOptions,
  OUTLINE_ICON_FILE,
  type TeamsManifest,
  teamsManifest,
} from "./teams-manifest.js";
import { zipFiles } from "./zip-writer.js";

export const MANIFEST_FILE = "manifest.json";

export interface TeamsPackage {
  readonly manifest: TeamsManifest;
  readonly zip: Buffer;
}

export function buildTeamsPackage(options: ManifestOptions): TeamsPackage {
  const manifest = teamsManifest(options);
  const zip = zipFiles([
    { name: MANIFEST_FILE, data: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, "utf8") },
    { name: COLOR_ICON_FILE, data: colorIcon() },
    { name: OUTLINE_ICON_FILE, data: outlineIcon() },
  ]);
  return { manifest, zip };
}

export async function writeTeamsPackage(path: string, options: ManifestOptions): Promise<TeamsPackage> {
  const built = buildTeamsPackage(options);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, built.zip);
  return built;
}
