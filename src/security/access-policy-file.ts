/**
 * Reads the access policy file (kpi-access.yml): YAML checked with zod, every problem
 * reported as `<file>:<line> <key>: <message>`. Area names must be the parser's areas; under
 * an area, each chat platform has the keys it declares (its PolicyKeys).
 */
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { type Document, isMap, isNode, isScalar, LineCounter, parseDocument } from "yaml";
import { z } from "zod";
import { AREA_NAMES } from "../areas/registry.js";
import type { AccessPolicy, AreaRule, PolicyKeys } from "./access-policy.js";

const ids = z.array(z.string().trim().min(1).max(200)).max(10_000).default([]);

/** The schema of the file for these platforms and their keys. */
function policySchema(keys: ReadonlyMap<string, PolicyKeys>) {
  const platforms: Record<string, z.ZodType> = {};
  for (const [platform, platformKeys] of keys) {
    const shape = Object.fromEntries(Object.keys(platformKeys).map((key) => [key, ids]));
    platforms[platform] = z.object(shape).strict().optional();
  }
  const rule = z
    .object({ ...platforms, contact: z.string().trim().min(1).max(300).optional() })
    .strict()
    .nullable();
  return z
    .object({
      default: z.enum(["allow", "deny"]),
      contact: z.string().trim().min(1).max(300).optional(),
      areas: z.partialRecord(z.enum(AREA_NAMES as [string, ...string[]]), rule).default({}),
    })
    .strict();
}

export class AccessPolicyError extends Error {
  override readonly name = "AccessPolicyError";
  constructor(readonly problems: string[]) {
    super(problems.join("\n"));
  }
}

/** The key node of `key` in the map at `path` (so that an unknown key's own line is named). */
function keyNode(doc: Document, path: string[], key: string): unknown {
  const parent = path.length === 0 ? doc.contents : doc.getIn(path, true);
  if (!isMap(parent)) return undefined;
  return parent.items.find((pair) => isScalar(pair.key) && pair.key.value === key)?.key;
}

/** Parses the policy text; `file` names it in every problem; `keys` are the platforms' policy keys. */
export function parseAccessPolicy(
  text: string,
  file: string,
  keys: ReadonlyMap<string, PolicyKeys>,
): AccessPolicy {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const where = (offset: number | undefined) =>
    offset === undefined ? file : `${file}:${lineCounter.linePos(offset).line}`;
  if (doc.errors.length > 0) {
    throw new AccessPolicyError(doc.errors.map((e) => `${where(e.pos[0])}: ${e.message.split("\n")[0]}`));
  }
  const parsed = policySchema(keys).safeParse(doc.toJS() ?? {});
  if (!parsed.success) {
    throw new AccessPolicyError(
      parsed.error.issues.map((issue) => {
        const unknownKey = issue.code === "unrecognized_keys" ? issue.keys[0] : undefined;
        const path = [...issue.path.map(String), ...(unknownKey ? [unknownKey] : [])];
        const message =
          unknownKey && path[0] === "areas" && path.length === 2
            ? `not an area (one of ${AREA_NAMES.join(", ")})`
            : unknownKey
              ? "unknown key"
              : issue.message;
        let node: unknown = unknownKey ? keyNode(doc, issue.path.map(String), unknownKey) : undefined;
        for (let n = path.length; n > 0 && !isNode(node); n--) node = doc.getIn(path.slice(0, n), true);
        if (!isNode(node)) node = doc.contents; // a missing key: where its map starts
        const offset = isNode(node) ? node.range?.[0] : undefined;
        const key = path.length > 0 ? path.join(".") : "(top level)";
        return `${where(offset)} ${key}: ${message}`;
      }),
    );
  }
  const areas = new Map<string, AreaRule>();
  for (const [area, rule] of Object.entries(parsed.data.areas)) {
    const grants = new Map<string, ReadonlyMap<string, readonly string[]>>();
    for (const platform of keys.keys()) {
      const given = (rule as Record<string, unknown> | null)?.[platform] as
        | Record<string, string[]>
        | undefined;
      grants.set(platform, new Map(Object.entries(given ?? {})));
    }
    areas.set(area, { grants, contact: (rule as { contact?: string } | null)?.contact });
  }
  return Object.freeze({
    defaultAccess: parsed.data.default,
    contact: parsed.data.contact,
    areas,
    keys,
    source: basename(file),
  });
}

export function readAccessPolicyFile(path: string, keys: ReadonlyMap<string, PolicyKeys>): AccessPolicy {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new AccessPolicyError([`${path}: cannot read (${(error as { code?: string }).code ?? "error"})`]);
  }
  return parseAccessPolicy(text, path, keys);
}
