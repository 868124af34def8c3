/** `npm run teams:package`: dist/teams-app.zip with a v1.29 manifest for TEAMS_APP_ID and two icons. */
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadImage } from "@napi-rs/canvas";
import { afterAll, describe, expect, it } from "vitest";
import { buildTeamsPackage } from "../../src/bot/teams/package/build-package.js";
import { teamsManifest } from "../../src/bot/teams/package/teams-manifest.js";
import { zipFiles } from "../../src/bot/teams/package/zip-writer.js";
import { pixelStats, pngSize } from "../charts/png-helpers.js";
import { readZip } from "../helpers/read-zip.js";
import { validateTeamsManifest } from "../helpers/teams-manifest-validator.js";

const APP_ID = "0f8fad5b-d9cb-469f-a165-70867728950e";
const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const options = {
  appId: APP_ID,
  version: "0.1.0",
  websiteUrl: "https://kpi.example.com",
  publicBaseUrl: "https://bot.example.com",
};
const dirs: string[] = [];
type Json = Record<string, unknown>;

afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

function runScript(args: string[], env: Record<string, string>) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    const { TEAMS_APP_ID: _ignored, ...inherited } = process.env;
    execFile(
      "npm",
      ["run", "--silent", "teams:package", "--", ...args],
      { cwd: ROOT, env: { ...inherited, ...env }, timeout: 60_000 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe("the Teams app package", () => {
  const built = buildTeamsPackage(options);
  const files = readZip(built.zip);

  it("is a zip of manifest.json, color.png and outline.png at its root, deflated", () => {
    expect(files.map((f) => f.name)).toEqual(["manifest.json", "color.png", "outline.png"]);
    expect(files.every((f) => f.method === 8)).toBe(true);
  });

  it("has a manifest valid for the v1.29 schema it declares, with the bot id from the options", () => {
    const manifest = JSON.parse(files[0]?.data.toString("utf8") ?? "{}");
    expect(validateTeamsManifest(manifest)).toEqual([]);
    expect(manifest.$schema).toBe(
      "https://developer.microsoft.com/json-schemas/teams/v1.29/MicrosoftTeams.schema.json",
    );
    expect(manifest.id).toBe(APP_ID);
    expect(manifest.bots[0].botId).toBe(APP_ID);
    expect(manifest.bots[0].scopes).toEqual(["personal", "team", "groupChat"]);
    expect(manifest.bots[0].commandLists[0].commands.map((c: { title: string }) => c.title)).toContain(
      "campaigns",
    );
    expect(manifest.validDomains).toEqual(["bot.example.com"]);
    expect(manifest.icons).toEqual({ color: "color.png", outline: "outline.png" });
  });

  it("asks for resource-specific consent to read its teams' and chats' messages (Graph lookups)", () => {
    const manifest = JSON.parse(files[0]?.data.toString("utf8") ?? "{}");
    expect(manifest.webApplicationInfo.id).toBe(APP_ID);
    expect(manifest.webApplicationInfo.resource).toMatch(/\S/);
    expect(manifest.authorization).toEqual({
      permissions: {
        resourceSpecific: [
          { name: "ChannelMessage.Read.Group", type: "Application" },
          { name: "ChatMessage.Read.Chat", type: "Application" },
        ],
      },
    });
  });

  it("has a 192×192 colour icon and a 32×32 outline icon that is white on transparent", async () => {
    const color = files[1]?.data as Buffer;
    const outline = files[2]?.data as Buffer;
    expect(pngSize(color)).toEqual({ width: 192, height: 192 });
    expect(pngSize(outline)).toEqual({ width: 32, height: 32 });
    expect((await pixelStats(color)).distinctColours).toBeGreaterThan(1);
    const image = await loadImage(outline);
    const { createCanvas } = await import("@napi-rs/canvas");
    const ctx = createCanvas(32, 32).getContext("2d");
    ctx.drawImage(image, 0, 0);
    const { data } = ctx.getImageData(0, 0, 32, 32);
    let opaque = 0;
    for (let i = 0; i < data.length; i += 4) {
      if ((data[i + 3] ?? 0) === 0) continue;
      opaque++;
      expect([data[i], data[i + 1], data[i + 2]]).toEqual([255, 255, 255]);
    }
    expect(opaque).toBeGreaterThan(50);
    expect(data[3]).toBe(0);
  });

  const manifestCases: [string, (manifest: Json) => unknown, RegExp][] = [
    [
      "no developer privacy URL",
      (m) => delete (m.developer as Json).privacyUrl,
      /developer\.privacyUrl is required/,
    ],
    [
      "a short name over 30 characters",
      (m) => ((m.name as Json).short = "K".repeat(31)),
      /name\.short is longer/,
    ],
    [
      "a bot id that is not a GUID",
      (m) => (((m.bots as Json[])[0] as Json).botId = "bot"),
      /botId must be a GUID/,
    ],
    ["an unknown scope", (m) => (((m.bots as Json[])[0] as Json).scopes = ["channel"]), /scopes must be/],
    ["a property the schema lacks", (m) => (m.botId = APP_ID), /botId is not a v1\.29 manifest property/],
    ["the previous manifest version", (m) => (m.manifestVersion = "1.17"), /manifestVersion must be 1\.29/],
    [
      "packageName, dropped from the schema",
      (m) => (m.packageName = "com.example.kpi"),
      /packageName is not a v1\.29/,
    ],
    [
      "a bot property the schema lacks",
      (m) => (((m.bots as Json[])[0] as Json).needsChannelSelectr = false),
      /bots\[0\]\.needsChannelSelectr is not a bot property/,
    ],
    [
      "an RSC permission without its type",
      (m) =>
        ((m.authorization as Json).permissions = {
          resourceSpecific: [{ name: "ChannelMessage.Read.Group" }],
        }),
      /resourceSpecific entry .*: name and type/,
    ],
    ["no accent colour", (m) => delete m.accentColor, /missing required accentColor/],
  ];

  it.each(manifestCases)("is checked by a validator that catches %s", (_name, change, message) => {
    const manifest = JSON.parse(JSON.stringify(built.manifest)) as Json;
    change(manifest);
    expect(validateTeamsManifest(manifest).join("\n")).toMatch(message);
  });

  it("is the same bytes every time (fixed timestamps, deterministic icons)", () => {
    expect(buildTeamsPackage(options).zip.equals(built.zip)).toBe(true);
  });

  it("refuses a missing or malformed app id and bad URLs with a clear message", () => {
    expect(() => teamsManifest({ ...options, appId: undefined })).toThrow(/TEAMS_APP_ID is not set/);
    expect(() => teamsManifest({ ...options, appId: "my-bot" })).toThrow(/must be a GUID/);
    expect(() => teamsManifest({ ...options, websiteUrl: "kpi.example.com" })).toThrow(/http\(s\) URL/);
    expect(() => zipFiles([{ name: "../evil", data: Buffer.alloc(1) }])).toThrow(/bad entry name/);
  });

  it("npm run teams:package writes the zip for TEAMS_APP_ID and fails clearly without it", async () => {
    const dir = await mkdtemp(join(tmpdir(), "teams-package-"));
    dirs.push(dir);
    const output = join(dir, "teams-app.zip");
    const ok = await runScript([output], {
      TEAMS_APP_ID: APP_ID,
      PUBLIC_BASE_URL: "https://bot.example.com",
    });
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/Wrote .*teams-app\.zip .*manifest 1\.29 for bot 0f8fad5b/);
    const written = readZip(await readFile(output));
    expect(JSON.parse(written[0]?.data.toString("utf8") ?? "{}").bots[0].botId).toBe(APP_ID);
    const missing = await runScript([join(dir, "none.zip")], {});
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain("teams:package: TEAMS_APP_ID is not set");
  }, 60_000);
});
