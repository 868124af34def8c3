/**
 * An independent check of Block Kit payloads against Slack's documented limits (numbers
 * written out here from https://docs.slack.dev/reference/block-kit/blocks, not imported
 * from the renderer), used by the fake Slack API (which rejects like Slack would, with
 * `invalid_blocks`) and by the renderer tests. Returns the problems found; [] is valid.
 * Also flags what Slack would show wrongly: unescaped `<` or `&` in mrkdwn, unclosed code fences.
 */

type Json = Record<string, unknown>;

const LIMITS = {
  blocks: { message: 50, home: 100 },
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
} as const;

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

function blockProblems(block: Json, i: number, actionIds: Set<string>): string[] {
  const where = `block ${i} (${String(block.type)})`;
  const problems: string[] = [];
  if (typeof block.block_id === "string" && block.block_id.length > LIMITS.blockId)
    problems.push(`${where}: block_id`);
  switch (block.type) {
    case "header":
      return [...problems, ...textProblems(where, block.text, LIMITS.header, ["plain_text"])];
    case "divider":
      return problems;
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
    default:
      return [...problems, `${where}: unexpected block type`];
  }
}

/** Everything in `blocks` that Slack would reject (or render wrongly) on this surface. */
export function blockKitProblems(blocks: unknown, surface: "message" | "home"): string[] {
  if (blocks === undefined) return [];
  if (!Array.isArray(blocks)) return ["blocks is not an array"];
  const problems: string[] = [];
  if (blocks.length > LIMITS.blocks[surface])
    problems.push(`${blocks.length} blocks > ${LIMITS.blocks[surface]}`);
  const actionIds = new Set<string>();
  blocks.forEach((block, i) => {
    problems.push(...blockProblems(block as Json, i, actionIds));
  });
  return problems;
}
