/**
 * "Download CSV" in Teams: a bot cannot attach files to a channel message, so the answer's
 * tables are kept as CSV files behind signed links that expire (like linked charts), and the
 * message lists them.
 */
import type { Answer } from "../../../answer/answer.js";
import { csvBytes, NO_TABLE_TEXT } from "../../../render/answer-csv.js";
import { CHART_URL_TTL_MS, type LinkDeps, storeLink } from "../charts/chart-url.js";

const LINK_HOURS = Math.round(CHART_URL_TTL_MS / 3_600_000);

/** A markdown message with one link per table, or a note when the answer has none. */
export function csvLinksMessage(answer: Answer, links: LinkDeps): object | string {
  const files = csvBytes(answer);
  if (files.length === 0) return NO_TABLE_TEXT;
  const lines = files.map(
    (file) => `- [${file.title.replaceAll("]", ")")}](${storeLink(links, file.bytes, "csv", file.filename)})`,
  );
  return {
    type: "message",
    textFormat: "markdown",
    text: [`**CSV downloads** (links work for ${LINK_HOURS} hours): ${answer.title}`, ...lines].join("\n\n"),
  };
}
