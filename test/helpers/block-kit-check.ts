/**
 * An independent check of Block Kit payloads against Slack's documented limits (numbers
 * written out here from https://docs.slack.dev/reference/block-kit/blocks, not imported
 * from the renderer), used by the fake Slack API (which rejects like Slack would, with
 * `invalid_blocks`) and by the renderer tests. Returns the problems found; [] is valid.
 * Also flags what Slack would show wrongly: unescaped `<` or `&` in mrkdwn, unclosed code fences.
 *
 * Table blocks (https://docs.slack.dev/reference/block-kit/blocks/table-block): only in a
 * message's `attachments` (chat.postMessage puts tables there), at most one per message,
 * with top-level `blocks` or `text` beside it; up to 100 rows of up to 20 cells, each
 * `raw_text` (text of 1+ characters) or `rich_text`; `column_settings` up to 20 items, each
 * null or `align` left/center/right and `is_wrapped` boolean. Rows of different lengths
 * are flagged too (the table would render ragged).
 */

type Json = Record<string, unknown>;

const LIMITS = {
  blocks: { message: 50, home: 100, modal: 100 },
  blockId: 255,
  header: 150,
  sectionText: 3000,
  sectionFields: 10,
  fieldText: 2000,
  contextElements: 10,
  contextText: 3000,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2000,
  actionId: 255,
  tableRows: 100,
  tableCells: 20,
  tableColumnSettings: 20,
  tablesPerMessage: 1,
  // https://docs.slack.dev/reference/block-kit/blocks/input-block, .../block-elements/*, .../views/modal-views
  inputLabel: 2000,
  inputHint: 2000,
  placeholder: 150,
  selectOptions: 100,
  optionText: 75,
  optionValue: 150,
  plainTextInputMax: 3000,
  modalTitle: 24,
  modalButton: 24,
  callbackId: 255,
  privateMetadata: 3000,
} as const;

type Surface = "message" | "home" | "modal";

const CONVERSATION_KINDS = new Set(["im", "mpim", "private", "public"]);

function optionProblems(where: string, options: unknown): string[] {
  if (!Array.isArray(options) || options.length === 0 || options.length > LIMITS.selectOptions)
    return [`${where}: ${Array.isArray(options) ? options.length : "no"} options`];
  return options.flatMap((o: Json, i) => [
    ...textProblems(`${where} option ${i}`, o.text, LIMITS.optionText, ["plain_text"]),
    ...(typeof o.value === "string" && o.value.length > 0 && o.value.length <= LIMITS.optionValue
      ? []
      : [`${where} option ${i}: value`]),
  ]);
}

/** The element of an input block (the types the forms use), checked against its documented limits. */
function inputElementProblems(where: string, element: Json | undefined): string[] {
  if (!element) return [`${where}: no element`];
  const problems: string[] = [];
  const id = String(element.action_id ?? "");
  if (id.length === 0 || id.length > LIMITS.actionId) problems.push(`${where}: action_id`);
  if (element.placeholder !== undefined)
    problems.push(
      ...textProblems(`${where} placeholder`, element.placeholder, LIMITS.placeholder, ["plain_text"]),
    );
  switch (element.type) {
    case "plain_text_input": {
      const max = element.max_length;
      if (max !== undefined && (typeof max !== "number" || max < 1 || max > LIMITS.plainTextInputMax))
        problems.push(`${where}: max_length ${String(max)}`);
      return problems;
    }
    case "static_select": {
      problems.push(...optionProblems(where, element.options));
      const initial = element.initial_option as Json | undefined;
      if (initial && !(element.options as Json[]).some((o) => o.value === initial.value))
        problems.push(`${where}: initial_option is not one of the options`);
      return problems;
    }
    case "timepicker":
      if (
        element.initial_time !== undefined &&
        !/^([01]\d|2[0-3]):[0-5]\d$/.test(String(element.initial_time))
      )
        problems.push(`${where}: initial_time ${String(element.initial_time)}`);
      return problems;
    case "conversations_select": {
      const include = ((element.filter as Json | undefined)?.include as unknown[] | undefined) ?? [];
      for (const kind of include)
        if (!CONVERSATION_KINDS.has(String(kind))) problems.push(`${where}: filter ${String(kind)}`);
      return problems;
    }
    default:
      return [...problems, `${where}: ${String(element.type)} element`];
  }
}

const ALIGNS = new Set(["left", "center", "right"]);

function cellProblems(where: string, cell: unknown): string[] {
  const c = cell as Json | undefined;
  if (!c || typeof c !== "object") return [`${where}: not a cell`];
  if (c.type === "raw_text") {
    return typeof c.text === "string" && c.text.length > 0 ? [] : [`${where}: raw_text without text`];
  }
  if (c.type === "rich_text") {
    return Array.isArray(c.elements) && c.elements.length > 0 ? [] : [`${where}: rich_text without elements`];
  }
  return [`${where}: cell type ${String(c.type)}`];
}

function tableProblems(where: string, block: Json): string[] {
  const problems: string[] = [];
  const rows = block.rows;
  if (!Array.isArray(rows) || rows.length === 0) return [`${where}: no rows`];
  if (rows.length > LIMITS.tableRows) problems.push(`${where}: ${rows.length} rows > ${LIMITS.tableRows}`);
  rows.forEach((row: unknown, r) => {
    if (!Array.isArray(row) || row.length === 0) {
      problems.push(`${where} row ${r}: no cells`);
      return;
    }
    if (row.length > LIMITS.tableCells)
      problems.push(`${where} row ${r}: ${row.length} cells > ${LIMITS.tableCells}`);
    if (row.length !== (rows[0] as unknown[]).length)
      problems.push(`${where} row ${r}: ${row.length} cells, row 0 has ${(rows[0] as unknown[]).length}`);
    row.forEach((cell, c) => {
      problems.push(...cellProblems(`${where} row ${r} cell ${c}`, cell));
    });
  });
  const settings = block.column_settings;
  if (settings !== undefined) {
    if (!Array.isArray(settings)) return [...problems, `${where}: column_settings is not an array`];
    if (settings.length > LIMITS.tableColumnSettings)
      problems.push(`${where}: ${settings.length} column_settings > ${LIMITS.tableColumnSettings}`);
    settings.forEach((setting: unknown, i) => {
      if (setting === null) return;
      const s = setting as Json;
      const extra = Object.keys(s).filter((k) => k !== "align" && k !== "is_wrapped");
      if (extra.length > 0) problems.push(`${where} column ${i}: unknown ${extra.join(", ")}`);
      if (s.align !== undefined && !ALIGNS.has(String(s.align)))
        problems.push(`${where} column ${i}: align ${String(s.align)}`);
      if (s.is_wrapped !== undefined && typeof s.is_wrapped !== "boolean")
        problems.push(`${where} column ${i}: is_wrapped`);
    });
  }
  return problems;
}

function textProblems(where: string, text: unknown, max: number, kinds: readonly string[]): string[] {
  const t = text as Json | undefined;
  if (!t || typeof t !== "object") return [`${where}: missing text object`];
  if (!kinds.includes(String(t.type))) return [`${where}: text type ${String(t.type)} not allowed`];
  if (typeof t.text !== "string" || t.text.length === 0) return [`${where}: empty text`];
  const problems: string[] = [];
  if (t.text.length > max) problems.push(`${where}: text ${t.text.length} > ${max}`);
  if (t.type === "mrkdwn") {
    // Slack's own channel links (<#C0123>) are markup; any other < is unescaped text.
    if (/</.test(t.text.replace(/<#[A-Z0-9]+>/g, ""))) problems.push(`${where}: unescaped < in mrkdwn`);
    if (/&(?!amp;|lt;|gt;)/.test(t.text)) problems.push(`${where}: unescaped & in mrkdwn`);
    if ((t.text.match(/```/g) ?? []).length % 2 !== 0) problems.push(`${where}: unclosed code block`);
  }
  return problems;
}

function blockProblems(
  block: Json,
  i: number,
  actionIds: Set<string>,
  tablesAllowed = false,
  surface: Surface = "message",
): string[] {
  const where = `block ${i} (${String(block.type)})`;
  const problems: string[] = [];
  if (typeof block.block_id === "string" && block.block_id.length > LIMITS.blockId)
    problems.push(`${where}: block_id`);
  switch (block.type) {
    case "header":
      return [...problems, ...textProblems(where, block.text, LIMITS.header, ["plain_text"])];
    case "divider":
      return problems;
    case "image": {
      // https://docs.slack.dev/reference/block-kit/blocks/image-block: image_url 3,000, alt_text 2,000
      const url = String(block.image_url ?? "");
      if (!/^https?:\/\//.test(url) || url.length > 3000) problems.push(`${where}: image_url`);
      const alt = String(block.alt_text ?? "");
      if (alt.length === 0 || alt.length > 2000) problems.push(`${where}: alt_text`);
      return problems;
    }
    case "section": {
      const fields = block.fields as unknown[] | undefined;
      if (!block.text && !fields) problems.push(`${where}: neither text nor fields`);
      if (block.text)
        problems.push(...textProblems(where, block.text, LIMITS.sectionText, ["mrkdwn", "plain_text"]));
      if (fields) {
        if (fields.length > LIMITS.sectionFields) problems.push(`${where}: ${fields.length} fields`);
        fields.forEach((f, j) => {
          problems.push(
            ...textProblems(`${where} field ${j}`, f, LIMITS.fieldText, ["mrkdwn", "plain_text"]),
          );
        });
      }
      return problems;
    }
    case "context": {
      const elements = (block.elements as unknown[] | undefined) ?? [];
      if (elements.length === 0 || elements.length > LIMITS.contextElements) {
        problems.push(`${where}: ${elements.length} elements`);
      }
      elements.forEach((e, j) => {
        problems.push(
          ...textProblems(`${where} element ${j}`, e, LIMITS.contextText, ["mrkdwn", "plain_text"]),
        );
      });
      return problems;
    }
    case "actions": {
      const elements = (block.elements as Json[] | undefined) ?? [];
      if (elements.length === 0 || elements.length > LIMITS.actionsElements)
        problems.push(`${where}: elements`);
      for (const e of elements) {
        if (e.type !== "button") problems.push(`${where}: ${String(e.type)} element`);
        problems.push(...textProblems(`${where} button`, e.text, LIMITS.buttonText, ["plain_text"]));
        if (typeof e.value === "string" && e.value.length > LIMITS.buttonValue)
          problems.push(`${where}: value`);
        const id = String(e.action_id ?? "");
        if (id.length === 0 || id.length > LIMITS.actionId) problems.push(`${where}: action_id`);
        if (actionIds.has(id)) problems.push(`${where}: duplicate action_id ${id}`);
        actionIds.add(id);
      }
      return problems;
    }
    case "input":
      if (surface !== "modal") return [...problems, `${where}: input blocks belong in modals`];
      return [
        ...problems,
        ...textProblems(`${where} label`, block.label, LIMITS.inputLabel, ["plain_text"]),
        ...(block.hint === undefined
          ? []
          : textProblems(`${where} hint`, block.hint, LIMITS.inputHint, ["plain_text"])),
        ...inputElementProblems(`${where} element`, block.element as Json | undefined),
      ];
    case "table":
      return tablesAllowed
        ? [...problems, ...tableProblems(where, block)]
        : [...problems, `${where}: a table goes in the message's attachments`];
    default:
      return [...problems, `${where}: unexpected block type`];
  }
}

/** Everything in `blocks` that Slack would reject (or render wrongly) on this surface. */
export function blockKitProblems(blocks: unknown, surface: Surface): string[] {
  if (blocks === undefined) return [];
  if (!Array.isArray(blocks)) return ["blocks is not an array"];
  const problems: string[] = [];
  if (blocks.length > LIMITS.blocks[surface])
    problems.push(`${blocks.length} blocks > ${LIMITS.blocks[surface]}`);
  const actionIds = new Set<string>();
  blocks.forEach((block, i) => {
    problems.push(...blockProblems(block as Json, i, actionIds, false, surface));
  });
  return problems;
}

/** Everything Slack would reject in a modal view (views.open, views.update, response_action "update"). */
export function modalProblems(view: unknown): string[] {
  const v = (view ?? {}) as Json;
  if (v.type !== "modal") return ["not a modal view"];
  const problems = blockKitProblems(v.blocks, "modal");
  problems.push(...textProblems("title", v.title, LIMITS.modalTitle, ["plain_text"]));
  for (const button of ["submit", "close"] as const) {
    if (v[button] !== undefined)
      problems.push(...textProblems(button, v[button], LIMITS.modalButton, ["plain_text"]));
  }
  const hasInputs = Array.isArray(v.blocks) && v.blocks.some((b: Json) => b.type === "input");
  if (hasInputs && v.submit === undefined) problems.push("a modal with inputs needs a submit button");
  if (typeof v.callback_id === "string" && v.callback_id.length > LIMITS.callbackId)
    problems.push("callback_id");
  if (typeof v.private_metadata === "string" && v.private_metadata.length > LIMITS.privateMetadata)
    problems.push("private_metadata");
  return problems;
}

/**
 * Everything Slack would reject in a chat.postMessage / chat.update's arguments: the top-level
 * blocks, and the blocks of each attachment (where a table may be), with one table at most.
 */
export function messageProblems(args: Record<string, unknown>): string[] {
  const problems = blockKitProblems(args.blocks, "message");
  const attachments = args.attachments;
  if (attachments === undefined) return problems;
  if (!Array.isArray(attachments)) return [...problems, "attachments is not an array"];
  if (!args.blocks && !args.text) problems.push("attachments without top-level blocks or text");
  let tables = 0;
  const actionIds = new Set<string>();
  attachments.forEach((attachment: unknown, a) => {
    const blocks = (attachment as Json | undefined)?.blocks;
    if (blocks === undefined) return;
    if (!Array.isArray(blocks)) {
      problems.push(`attachment ${a}: blocks is not an array`);
      return;
    }
    blocks.forEach((block: unknown, i) => {
      if ((block as Json).type === "table") tables += 1;
      problems.push(...blockProblems(block as Json, i, actionIds, true).map((p) => `attachment ${a} ${p}`));
    });
  });
  if (tables > LIMITS.tablesPerMessage)
    problems.push(`${tables} tables > ${LIMITS.tablesPerMessage} per message`);
  return problems;
}

/** What a Slack message shows, as JSON text for "contains" checks: its blocks and its attachments (the table). */
export function slackJson(message: { blocks: unknown; attachments?: unknown }): string {
  return JSON.stringify([message.blocks, message.attachments ?? []]);
}
