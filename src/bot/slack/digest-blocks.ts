/**
 * A digest as one Block Kit message: header, the period and zone line, what moved (with its
 * explanations), then per area its title (and its goals' progress), headline KPIs (one section of up to 10 fields) and the top rows of its main table,
 * and a line per area that could not be answered. Pure; within every Block Kit limit.
 */
import type { Answer } from "../../answer/answer.js";
import { coverageNote } from "../../answer/coverage.js";
import { goalLine } from "../../render/lead-text.js";
import { moverLine } from "../../render/mover-text.js";
import type { Digest } from "../../schedule/digest.js";
import {
  MAX_BLOCKS_PER_MESSAGE,
  MAX_CONTEXT_TEXT_CHARS,
  MAX_HEADER_CHARS,
  MAX_MESSAGE_TEXT_CHARS,
  MAX_SECTION_TEXT_CHARS,
  mrkdwn,
  truncate,
} from "./block-kit-limits.js";
import type { SlackBlock } from "./block-types.js";
import { kpiSections } from "./kpi-fields.js";
import { tableBlock } from "./table-block.js";

/** Rows of each area's main table in a digest. */
export const DIGEST_TABLE_ROWS = 5;
/** Blocks one area takes at most: divider, title, KPIs, table. */
const BLOCKS_PER_AREA = 4;

/** The area's title, and under it the line saying what its data does not cover, if anything. */
function areaHeading(answer: Answer, currency: string): string {
  const note = coverageNote(answer);
  const title = `*${mrkdwn(answer.title, 2000)}*`;
  const goals = (answer.goals ?? []).map((g) => mrkdwn(goalLine(g, currency), 400));
  return [title, ...(note ? [`_${mrkdwn(note, 900)}_`] : []), ...goals].join("\n");
}

function areaBlocks(answer: Answer, currency: string): SlackBlock[] {
  const blocks: SlackBlock[] = [
    { type: "divider" },
    { type: "section", text: { type: "mrkdwn", text: areaHeading(answer, currency) } },
  ];
  blocks.push(...kpiSections(answer.kpis, currency, 1, answer.comparison !== null).blocks);
  const main = answer.tables[0];
  if (main && main.rows.length > 0) {
    blocks.push(tableBlock({ ...main, rows: main.rows.slice(0, DIGEST_TABLE_ROWS) }, currency).block);
  }
  return blocks;
}

export function digestToBlocks(digest: Digest, currency: string): { text: string; blocks: SlackBlock[] } {
  const blocks: SlackBlock[] = [
    { type: "header", text: { type: "plain_text", text: truncate(digest.heading, MAX_HEADER_CHARS) } },
    { type: "context", elements: [{ type: "mrkdwn", text: mrkdwn(digest.title, MAX_CONTEXT_TEXT_CHARS) }] },
  ];
  if (digest.movers.length > 0) {
    const lines = digest.movers.map((m) => {
      const { head, why } = moverLine(m, currency);
      return `• *${mrkdwn(head, 400)}*${why ? `\n${mrkdwn(why, 900)}` : ""}`;
    });
    blocks.push({
      type: "section",
      text: { type: "mrkdwn", text: truncate(`*What moved*\n${lines.join("\n")}`, MAX_SECTION_TEXT_CHARS) },
    });
  }
  const room = Math.floor((MAX_BLOCKS_PER_MESSAGE - blocks.length - 1) / BLOCKS_PER_AREA);
  const shown = digest.answers.slice(0, room);
  for (const answer of shown) blocks.push(...areaBlocks(answer, currency));
  const lines = digest.problems.map((p) => `*${p.area}*: ${p.message}`);
  if (digest.answers.length > shown.length)
    lines.push(`${digest.answers.length - shown.length} more areas left out`);
  if (lines.length > 0) {
    blocks.push({
      type: "context",
      elements: [{ type: "mrkdwn", text: mrkdwn(lines.join("\n"), MAX_CONTEXT_TEXT_CHARS) }],
    });
  }
  const lead = digest.movers[0] ? ` · ${moverLine(digest.movers[0], currency).head}` : "";
  const text = truncate(`${digest.heading} · ${digest.title}${lead}`, MAX_MESSAGE_TEXT_CHARS);
  return { text, blocks: blocks.slice(0, MAX_BLOCKS_PER_MESSAGE) };
}
