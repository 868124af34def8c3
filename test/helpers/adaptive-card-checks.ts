/**
 * The building blocks of the Adaptive Card 1.5 validator (adaptive-card-validator.ts): value
 * checks named after the schema's types and enums, and the object check that rejects
 * properties a shape does not define (the schema's additionalProperties: false).
 */

export const SPACING = ["default", "none", "small", "medium", "large", "extraLarge", "padding"];
export const H_ALIGN = ["left", "center", "right"];
export const V_ALIGN = ["top", "center", "bottom"];
export const CONTAINER_STYLE = ["default", "emphasis", "good", "attention", "warning", "accent"];
export const TEAMS_MAX_ACTIONS = 6;
export const TEAMS_VERSIONS = ["1.0", "1.1", "1.2", "1.3", "1.4", "1.5"];

export type Check = (value: unknown) => string | undefined;
export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);
export const str: Check = (v) => (typeof v === "string" ? undefined : "must be a string");
export const bool: Check = (v) => (typeof v === "boolean" ? undefined : "must be a boolean");
export const num: Check = (v) =>
  typeof v === "number" && Number.isFinite(v) ? undefined : "must be a number";
export const oneOf =
  (values: readonly string[]): Check =>
  (v) =>
    typeof v === "string" && values.includes(v) ? undefined : `must be one of ${values.join(", ")}`;
export const pixels: Check = (v) =>
  typeof v === "string" && /^\d+px$/.test(v) ? undefined : 'must look like "50px"';
export const any: Check = () => undefined;
export const arr: Check = (v) => (Array.isArray(v) ? undefined : "must be an array");
export const obj: Check = (v) => (isObject(v) ? undefined : "must be an object");
export const width: Check = (v) => (typeof v === "number" ? num(v) : pixels(v));
export const requiresMap: Check = (v) =>
  isObject(v) && Object.values(v).every((x) => typeof x === "string")
    ? undefined
    : "must map features to versions";

export const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
export const imageUrl: Check = (v) => {
  if (typeof v !== "string") return "must be a string";
  const data = /^data:image\/(png|jpeg|gif);base64,(.*)$/.exec(v);
  if (data)
    return BASE64.test(data[2] ?? "") && (data[2] ?? "").length % 4 === 0 ? undefined : "bad base64 data URI";
  if (v.startsWith("data:")) return "data URIs must be base64 PNG, JPEG or GIF";
  try {
    return ["https:", "http:"].includes(new URL(v).protocol) ? undefined : "must be an http(s) or data URL";
  } catch {
    return "must be an absolute URL";
  }
};

/** Properties every element may have (schema: Extendable.Element). */
export const ELEMENT_COMMON: Record<string, Check> = {
  fallback: any,
  height: oneOf(["auto", "stretch"]),
  separator: bool,
  spacing: oneOf(SPACING),
  id: str,
  isVisible: bool,
  requires: requiresMap,
};

export interface Shape {
  readonly props: Record<string, Check>;
  readonly required: readonly string[];
  /** Nested checks (arrays of elements, facts, rows). */
  readonly nested?: (value: Record<string, unknown>, path: string, problems: string[]) => void;
}

export function checkObject(
  value: unknown,
  path: string,
  shape: Shape,
  problems: string[],
  type: string,
): void {
  if (!isObject(value)) {
    problems.push(`${path}: must be an object`);
    return;
  }
  for (const key of shape.required) if (!(key in value)) problems.push(`${path}: ${type} requires "${key}"`);
  for (const [key, v] of Object.entries(value)) {
    if (key === "type") continue;
    const check = shape.props[key];
    if (!check) problems.push(`${path}.${key}: not a property of ${type}`);
    else {
      const result = check(v);
      if (result) problems.push(`${path}.${key}: ${result}`);
    }
  }
  if (shape.nested && problems.every((p) => !p.startsWith(`${path}.`) && !p.startsWith(`${path}:`))) {
    shape.nested(value, path, problems);
  }
}

export function checkTyped(
  value: unknown,
  path: string,
  type: string,
  shape: Shape,
  problems: string[],
  typeRequired: boolean,
): void {
  const given = isObject(value) ? value.type : undefined;
  if (given !== type && (typeRequired || given !== undefined))
    problems.push(`${path}.type: must be "${type}"`);
  checkObject(value, path, shape, problems, type);
}

/** Actions (schema: Extendable.Action) — only those the renderer may emit. */
const ACTION_PROPS: Record<string, Check> = {
  title: str,
  iconUrl: str,
  id: str,
  style: oneOf(["default", "positive", "destructive"]),
  fallback: any,
  tooltip: str,
  isEnabled: bool,
  mode: oneOf(["primary", "secondary"]),
  requires: requiresMap,
};

const actionData: Check = (v) =>
  typeof v === "string" || isObject(v) ? undefined : "must be a string or an object";

/**
 * Action.Execute (schema 1.4, Universal Actions): Action.Submit's properties plus `verb`, the
 * name the bot receives in the `adaptiveCard/action` invoke
 * (https://adaptivecards.io/explorer/Action.Execute.html).
 */
export const EXECUTE_SHAPE: Shape = {
  props: { ...ACTION_PROPS, verb: str, data: actionData, associatedInputs: oneOf(["auto", "none"]) },
  required: [],
};

/** Teams refreshes a card automatically for at most this many listed users. */
export const REFRESH_MAX_USER_IDS = 60;
/** The first card version with Action.Execute and refresh; Teams renders them only in 1.5 cards. */
export const UNIVERSAL_ACTIONS_VERSION = "1.4";
export const TEAMS_UNIVERSAL_ACTIONS_VERSION = "1.5";

/**
 * The card's `refresh` (schema 1.4: https://adaptivecards.io/explorer/Refresh.html): an
 * Action.Execute (required) and at most 60 user MRIs (`userIds`; `expires` is 1.6, past Teams).
 */
export function checkRefresh(refresh: unknown, path: string, problems: string[]): void {
  const userIds: Check = (v) =>
    !Array.isArray(v) || v.some((id) => typeof id !== "string" || id === "")
      ? "must be an array of user ids"
      : v.length > REFRESH_MAX_USER_IDS
        ? `Teams refreshes at most ${REFRESH_MAX_USER_IDS} users (${v.length} listed)`
        : undefined;
  checkObject(refresh, path, { props: { action: obj, userIds }, required: ["action"] }, problems, "Refresh");
  if (!isObject(refresh) || !isObject(refresh.action)) return;
  if (refresh.action.type !== "Action.Execute")
    problems.push(`${path}.action.type: a refresh action must be "Action.Execute"`);
  else checkObject(refresh.action, `${path}.action`, EXECUTE_SHAPE, problems, "Action.Execute");
}

export function checkActions(actions: unknown, path: string, problems: string[]): void {
  if (!Array.isArray(actions)) return void problems.push(`${path}: must be an array`);
  if (actions.length > TEAMS_MAX_ACTIONS)
    problems.push(`${path}: Teams shows at most ${TEAMS_MAX_ACTIONS} actions`);
  actions.forEach((action, i) => {
    const at = `${path}[${i}]`;
    const type = isObject(action) ? action.type : undefined;
    if (type === "Action.Execute") {
      checkObject(action, at, EXECUTE_SHAPE, problems, "Action.Execute");
    } else if (type === "Action.Submit") {
      const data = actionData;
      checkObject(
        action,
        at,
        { props: { ...ACTION_PROPS, data, associatedInputs: oneOf(["auto", "none"]) }, required: [] },
        problems,
        "Action.Submit",
      );
    } else if (type === "Action.OpenUrl") {
      checkObject(
        action,
        at,
        { props: { ...ACTION_PROPS, url: imageUrl }, required: ["url"] },
        problems,
        "Action.OpenUrl",
      );
    } else problems.push(`${at}.type: unknown or unsupported action type ${JSON.stringify(type)}`);
  });
}
