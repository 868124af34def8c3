/**
 * `npm run slack:manifest`: prints the Slack app manifest to paste at api.slack.com/apps
 * (Create New App → From a manifest). With PUBLIC_BASE_URL (https) set it is HTTP mode at that
 * host with link previews (links:read, links:write, link_shared, the host as unfurl domain);
 * without, manifest.yml as written. This entry point reads the environment itself.
 */
import { readFileSync } from "node:fs";
import { slackManifestFor } from "../src/bot/slack/slack-manifest.js";
import { projectPath } from "../src/project-files.js";

const manifest = readFileSync(projectPath("manifest.yml"), "utf8");
process.stdout.write(slackManifestFor(manifest, process.env.PUBLIC_BASE_URL?.trim() || undefined));
