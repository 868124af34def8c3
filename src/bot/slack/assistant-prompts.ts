/**
 * The assistant container's suggested prompts (assistant.threads.setSuggestedPrompts): the
 * asker's own recent questions first, then an example for each area they may ask about here,
 * from the area registry (so a prompt always parses), four at most as Slack allows.
 */
import { type Area, areaModule } from "../../areas/registry.js";

/** Slack shows at most four suggested prompts. https://docs.slack.dev/reference/methods/assistant.threads.setSuggestedPrompts */
export const MAX_SUGGESTED_PROMPTS = 4;
/** Of those, at most this many are the asker's recent questions. */
const MAX_RECENT_PROMPTS = 2;
export const PROMPTS_TITLE = "Ask about your marketing KPIs, e.g.:";

export interface SuggestedPrompt {
  readonly title: string;
  readonly message: string;
}

/** The first example of an area, without the `/kpi ` in front. */
function areaExample(area: Area): string | undefined {
  return areaModule(area).examples[0]?.replace(/^\/kpi\s+/u, "");
}

export function suggestedPrompts(recent: readonly string[], areas: readonly Area[]): SuggestedPrompt[] {
  const prompts: SuggestedPrompt[] = recent
    .slice(0, MAX_RECENT_PROMPTS)
    .map((text) => ({ title: `Again: ${text}`.slice(0, 75), message: text }));
  for (const area of areas) {
    if (prompts.length >= MAX_SUGGESTED_PROMPTS) break;
    const example = areaExample(area);
    if (example && !prompts.some((p) => p.message === example)) {
      prompts.push({ title: example.slice(0, 75), message: example });
    }
  }
  return prompts;
}
