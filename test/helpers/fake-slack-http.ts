/** Reading requests the way Slack's servers do: Web API arguments (form or JSON) and multipart file uploads. */
import type { IncomingMessage } from "node:http";

/** Form fields Slack's clients send as JSON text. */
const JSON_ARGS = new Set(["blocks", "view", "files", "attachments", "metadata", "prompts", "unfurls"]);

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export function parseArgs(raw: Buffer, contentType: string): Record<string, unknown> {
  if (contentType.includes("application/json")) return JSON.parse(raw.toString("utf8") || "{}");
  const args: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw.toString("utf8"))) {
    args[key] = JSON_ARGS.has(key) ? JSON.parse(value) : value;
  }
  return args;
}

/** The bytes of a multipart/form-data field (node's built-in fetch Request parses the body). */
export async function multipartFile(
  raw: Buffer,
  contentType: string,
  field: string,
): Promise<Buffer | undefined> {
  const form = await new Request("http://fake/upload", {
    method: "POST",
    headers: { "content-type": contentType },
    body: raw,
  }).formData();
  const file = form.get(field);
  return file instanceof Blob ? Buffer.from(await file.arrayBuffer()) : undefined;
}
