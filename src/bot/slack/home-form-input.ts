/**
 * A submitted App Home form (home-forms.ts) → the words of the typed command it stands for
 * (`subscribe campaigns daily 09:00 Europe/Berlin last-30d platform=meta`, `alert roas < 1
 * yesterday at 08:00`), or the fields' problems keyed by block id for Slack's inline errors.
 * Every field is checked by the parser the typed command uses — areas, period, schedule
 * phrase and zone (subscription-input.ts, schedule-phrase.ts, zone-time.ts), the alert's
 * words (alert-words.ts) — and the command itself then runs through the chat request like
 * typed text, so storing, the access policy and the audit are the typed command's own.
 */

import { guardCommandText } from "../../commands/text-guard.js";
import { tokenize } from "../../commands/tokenize.js";
import { isUserError } from "../../errors.js";
import { parseAlertWords } from "../../schedule/alert-words.js";
import { parseSchedulePhrase } from "../../schedule/schedule-phrase.js";
import { parseAreas, parsePeriodWord, parseSubscriptionFilters } from "../../schedule/subscription-input.js";
import { canonicalTimeZone } from "../../schedule/zone-time.js";
import { DAY_CHOICES, DEFAULT_PERIOD_CHOICE, FIELD, FIELD_ACTION } from "./home-forms.js";

/** Slack's view.state.values: block id → action id → the element's state. */
export type ViewValues = Record<
  string,
  Record<
    string,
    {
      readonly value?: string | null;
      readonly selected_option?: { readonly value: string } | null;
      readonly selected_time?: string | null;
      readonly selected_conversation?: string | null;
    }
  >
>;

export type FormResult =
  | { readonly ok: true; readonly command: string; readonly targetId: string }
  | { readonly ok: false; readonly errors: Record<string, string> };

/** An inline error is shown under its field: one line, cut to this length (our choice). */
export const MAX_FIELD_ERROR_CHARS = 300;

function field(values: ViewValues, blockId: string): string {
  const state = values[blockId]?.[FIELD_ACTION];
  const raw =
    state?.selected_option?.value ??
    state?.selected_time ??
    state?.selected_conversation ??
    state?.value ??
    "";
  return raw.replace(/\s+/gu, " ").trim();
}

/** Runs `check`; a UserError becomes the field's inline error (anything else is a bug and is thrown). */
function checked(errors: Record<string, string>, blockId: string, check: () => void): void {
  if (errors[blockId]) return;
  try {
    check();
  } catch (error) {
    if (!isUserError(error)) throw error;
    errors[blockId] = error.message.slice(0, MAX_FIELD_ERROR_CHARS);
  }
}

function target(values: ViewValues, errors: Record<string, string>): string {
  const id = field(values, FIELD.target);
  if (!/^[CGD][A-Z0-9]+$/u.test(id)) errors[FIELD.target] = "Choose the channel to post to.";
  return id;
}

/** The schedule words the Days and Time fields stand for: `weekly mon 09:00`, `cron "0 9 * * 1-5"`. */
function scheduleWords(days: string, time: string): string[] {
  if (days === "weekdays") {
    const [hour, minute] = time.split(":");
    return ["cron", `${Number(minute)} ${Number(hour)} * * 1-5`];
  }
  return [...days.split(" "), time];
}

export function digestCommand(values: ViewValues): FormResult {
  const errors: Record<string, string> = {};
  const area = field(values, FIELD.area);
  const period = field(values, FIELD.period);
  const days = field(values, FIELD.days);
  const time = field(values, FIELD.time);
  const zone = field(values, FIELD.zone);
  const filters = field(values, FIELD.filters);
  checked(errors, FIELD.area, () => parseAreas(area));
  if (period !== DEFAULT_PERIOD_CHOICE) checked(errors, FIELD.period, () => parsePeriodWord(period));
  // The time alone first (any zone: only the words are checked here), then with the days.
  checked(errors, FIELD.time, () => parseSchedulePhrase(["daily", time], "UTC"));
  if (!DAY_CHOICES.some((c) => c.value === days)) errors[FIELD.days] = "Choose the days.";
  if (!errors[FIELD.time])
    checked(errors, FIELD.days, () => parseSchedulePhrase(scheduleWords(days, time), "UTC"));
  if (zone !== "") checked(errors, FIELD.zone, () => canonicalTimeZone(zone));
  if (!errors[FIELD.area])
    checked(errors, FIELD.filters, () => parseSubscriptionFilters(parseAreas(area), filters));
  const targetId = target(values, errors);
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const schedule = scheduleWords(days, time).map((w) => (w.includes(" ") ? `"${w}"` : w));
  const words = ["subscribe", area, ...schedule];
  if (zone !== "") words.push(zone);
  if (period !== DEFAULT_PERIOD_CHOICE) words.push(period);
  if (filters !== "") words.push(filters);
  return { ok: true, command: words.join(" "), targetId };
}

/** Alert errors by the part of the typed command they name (alert-words.ts codes). */
const ALERT_FIELDS: Readonly<Record<string, string>> = {
  alert_kpi: FIELD.kpi,
  alert_value: FIELD.condition,
  alert_condition: FIELD.condition,
  alert_change: FIELD.condition,
  alert_word: FIELD.condition,
  alert_window: FIELD.window,
  alert_at: FIELD.checkTime,
  invalid_time_zone: FIELD.zone,
};

const wordsOf = (text: string) => tokenize(guardCommandText(text)).map((token) => token.text);

export function alertCommand(values: ViewValues): FormResult {
  const errors: Record<string, string> = {};
  const kpi = field(values, FIELD.kpi);
  const condition = field(values, FIELD.condition);
  const window = field(values, FIELD.window);
  const time = field(values, FIELD.checkTime);
  const zone = field(values, FIELD.zone);
  const filters = field(values, FIELD.filters);
  const extras = [...(time ? ["at", time] : []), ...(zone ? [`tz=${zone}`] : [])];
  const parse = (text: string, fallback: string) => {
    try {
      parseAlertWords(wordsOf(text));
    } catch (error) {
      if (!isUserError(error)) throw error;
      const blockId = ALERT_FIELDS[error.code] ?? fallback;
      errors[blockId] ??= error.message.slice(0, MAX_FIELD_ERROR_CHARS);
    }
  };
  // Without the filters first (a mistake there is the named field's, or the condition's); then with them.
  const head = `${kpi} ${condition} ${window} ${extras.join(" ")}`;
  parse(head, FIELD.condition);
  if (Object.keys(errors).length === 0 && filters !== "") parse(`${head} ${filters}`, FIELD.filters);
  const targetId = target(values, errors);
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const command = ["alert", kpi, condition, window, ...extras, ...(filters ? [filters] : [])].join(" ");
  return { ok: true, command, targetId };
}
