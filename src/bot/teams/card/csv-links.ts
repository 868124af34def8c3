/**
 * "Download CSV" in Teams: a bot cannot attach files to a channel message, so the answer's
 * tables are kept as CSV files behind signed links that expire (like linked charts), and the
 * message lists them.
 */
import type { Answer } from "../../../answer/answer.js";
import { csvBytes } from "../../../render/answer-csv.js";
import type { ChartStore } from "../charts/chart-store.js";
import { newChartId, signChartUrl } from "../charts/chart-url.js";

export interface CsvLinkDeps {
  readonly store: ChartStore;
  readonly secret: string;
  readonly publicBaseUrl: string;
}

/** A markdown message with one link per table, or a note when the answer has none. */
export function csvLinksMessage(answer: Answer, deps: CsvLinkDeps): object | string {
  const files = csvBytes(answer);
  if (files.length === 0) return "This answer has no table to download.";
  const links = files.map((file) => {
    const id = newChartId();
    const expiresAt = deps.store.put(id, file.bytes, "csv", file.filename);
    const url = signChartUrl({
      baseUrl: deps.publicBaseUrl,
      secret: deps.secret,
      id,
      expiresAt,
      kind: "csv",
    });
    return `- [${file.title.replaceAll("]", ")")}](${url})`;
  });
  return {
    type: "message",
    textFormat: "markdown",
    text: [`**CSV downloads** (links work for 24 hours): ${answer.title}`, ...links].join("\n\n"),
  };
}
