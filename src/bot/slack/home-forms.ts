/**
 * The App Home's "New digest" and "New alert" forms (modals, opened with views.open): what
 * `/kpi subscribe` and `/kpi alert` take, as fields — area or KPI, period or condition and
 * window, the schedule (days and time), the zone, the channel to post to and filters.
 * Submissions are checked by the typed commands' own parsers (home-form-input.ts).
 *
 * Limits (https://docs.slack.dev/reference/views/modal-views): title, submit and close 24
 * characters; static select options 100, option text 75 and value 150 characters
 * (https://docs.slack.dev/reference/block-kit/composition-objects/option-object).
 */
import { PERIOD_WORDS } from "../../answer/query.js";
import { KPI_SERIES_KEYS } from "../../areas/kpi-series/kpi-sources.js";
import { AREA_NAMES, type Area } from "../../areas/registry.js";
import { ALERT_WINDOWS } from "../../schedule/alert-spec.js";
import type { SlackBlock, SlackModalView } from "./block-types.js";

/** Not "kpi_…": that prefix is the answer buttons' (answer-buttons.ts). */
export const NEW_DIGEST_ACTION = "home_new_digest";
export const NEW_ALERT_ACTION = "home_new_alert";
export const DIGEST_FORM = "digest_form";
export const ALERT_FORM = "alert_form";

/** Block ids of the fields (inline errors are keyed by these); each block's one element has action_id "value". */
export const FIELD = {
  area: "digest_area",
  period: "digest_period",
  days: "digest_days",
  time: "digest_time",
  zone: "zone",
  target: "target",
  filters: "filters",
  kpi: "alert_kpi",
  condition: "alert_condition",
  window: "alert_window",
  checkTime: "alert_time",
} as const;
export const FIELD_ACTION = "value";

/** "Days" choices → the schedule words they stand for (before the time). */
export const DAY_CHOICES: readonly { readonly label: string; readonly value: string }[] = [
  { label: "Every day", value: "daily" },
  { label: "Weekdays (Mon–Fri)", value: "weekdays" },
  ...["mon", "tue", "wed", "thu", "fri", "sat", "sun"].map((d) => ({
    label: `Every ${d.charAt(0).toUpperCase()}${d.slice(1)}`,
    value: `weekly ${d}`,
  })),
  { label: "1st of the month", value: "monthly 1" },
];

export const DEFAULT_PERIOD_CHOICE = "default";

const text = (t: string) => ({ type: "plain_text" as const, text: t });
const option = (label: string, value: string) => ({ text: text(label), value });

function input(
  blockId: string,
  label: string,
  element: Record<string, unknown>,
  options: { optional?: boolean; hint?: string } = {},
): SlackBlock {
  return {
    type: "input",
    block_id: blockId,
    label: text(label),
    element: { action_id: FIELD_ACTION, ...element },
    ...(options.optional ? { optional: true } : {}),
    ...(options.hint ? { hint: text(options.hint) } : {}),
  } as SlackBlock;
}

const select = (choices: readonly { label: string; value: string }[], initial?: string) => ({
  type: "static_select",
  options: choices.map((c) => option(c.label, c.value)),
  ...(initial
    ? { initial_option: option(choices.find((c) => c.value === initial)?.label ?? initial, initial) }
    : {}),
});

const words = (list: readonly string[]) => list.map((w) => ({ label: w, value: w }));

function targetField(what: string): SlackBlock {
  return input(
    FIELD.target,
    "Post to",
    {
      type: "conversations_select",
      filter: { include: ["public", "private"], exclude_bot_users: true },
      placeholder: text("Choose a channel"),
    },
    { hint: `The channel gets the ${what}; invite me there (/invite @kpi).` },
  );
}

function zoneField(reportZone: string): SlackBlock {
  return input(
    FIELD.zone,
    "Time zone",
    { type: "plain_text_input", placeholder: text(reportZone), max_length: 64 },
    { optional: true, hint: `An IANA name such as Europe/Berlin; ${reportZone} when left empty.` },
  );
}

const filtersField = (example: string): SlackBlock =>
  input(
    FIELD.filters,
    "Filters",
    { type: "plain_text_input", placeholder: text(example), max_length: 500 },
    { optional: true, hint: "key=value words, as after /kpi" },
  );

function modal(callbackId: string, title: string, submit: string, blocks: SlackBlock[]): SlackModalView {
  return {
    type: "modal",
    callback_id: callbackId,
    title: text(title),
    submit: text(submit),
    close: text("Cancel"),
    blocks,
  };
}

/** `areas`: the areas the person may ask about (all when undefined). */
export function digestForm(reportZone: string, areas?: readonly Area[]): SlackModalView {
  const shown = areas && areas.length > 0 ? areas : AREA_NAMES;
  return modal(DIGEST_FORM, "New digest", "Subscribe", [
    input(FIELD.area, "Area", { ...select(words(shown)), placeholder: text("Choose an area") }),
    input(
      FIELD.period,
      "Period",
      select(
        [{ label: "Default for the schedule", value: DEFAULT_PERIOD_CHOICE }, ...words(PERIOD_WORDS)],
        DEFAULT_PERIOD_CHOICE,
      ),
      { hint: "Every day → yesterday, weekly → last-7d, monthly → last-month by default." },
    ),
    input(FIELD.days, "Days", select(DAY_CHOICES, "daily")),
    input(FIELD.time, "Time", { type: "timepicker", initial_time: "09:00" }),
    zoneField(reportZone),
    targetField("digest"),
    filtersField("platform=meta city=Berlin"),
  ]);
}

export function alertForm(reportZone: string): SlackModalView {
  return modal(ALERT_FORM, "New alert", "Create alert", [
    input(FIELD.kpi, "KPI", { ...select(words(KPI_SERIES_KEYS)), placeholder: text("Choose a KPI") }),
    input(
      FIELD.condition,
      "Condition",
      {
        type: "plain_text_input",
        placeholder: text("< 1 · drops 20% vs previous · unusual"),
        max_length: 100,
      },
      { hint: "In the KPI's unit: 1 (ROAS), 2.5% (CTR), 5000 (money)." },
    ),
    input(FIELD.window, "Window", select(words(ALERT_WINDOWS), "yesterday")),
    input(
      FIELD.checkTime,
      "Check at",
      { type: "timepicker" },
      { optional: true, hint: "When the alert is checked each day (needed for today)." },
    ),
    zoneField(reportZone),
    targetField("alert"),
    filtersField("platform=meta"),
  ]);
}

/** What a valid submission turns into: the form replaced by the command's reply. */
export function confirmationView(title: string, reply: string): SlackModalView {
  return {
    type: "modal",
    title: text(title),
    close: text("Done"),
    blocks: [{ type: "section", text: { type: "plain_text", text: reply.slice(0, 3000) } }],
  };
}
