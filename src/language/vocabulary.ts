/**
 * What a plain question is read against: "today" in the report zone (periods) and the
 * values the data has for each filter (src/areas/filters/filter-options.ts), with their
 * aliases (src/areas/filters/filter-aliases.ts). Prepared once per vocabulary into the
 * indexes the reader looks words up in.
 */
import { FILTER_KEYS, type FilterKey } from "../answer/query.js";
import { FILTER_ALIASES } from "../areas/filters/filter-aliases.js";
import type { FilterOption } from "../areas/filters/filter-types.js";
import { AREA_WORDS } from "../areas/registry.js";
import { normalizeValue } from "../commands/filter-match.js";
import { COMPARISON_VOCABULARY } from "./comparison-phrases.js";
import { PERIOD_VOCABULARY } from "./period-phrases.js";
import { INTENT_WORDS, KPI_PHRASES, RANK_WORDS, STOP_WORDS, THING_WORDS } from "./question-words.js";

export interface Vocabulary {
  /** YYYY-MM-DD: today in the report zone. */
  readonly today: string;
  /** The values each filter can take (labels, spellings); a key left out has none to match. */
  readonly values: Readonly<Partial<Record<FilterKey, readonly FilterOption[]>>>;
}

/** A filter value a phrase names: the key and the value as the echo writes it. */
export interface ValueHit {
  readonly key: FilterKey;
  readonly value: string;
}

export interface PreparedVocabulary {
  readonly today: string;
  /** Normalized phrase → the values it names (platforms, cities, categories, sources; not campaigns). */
  readonly values: ReadonlyMap<string, readonly ValueHit[]>;
  /** Campaign names, normalized, as word sets. */
  readonly campaigns: readonly ReadonlySet<string>[];
  /** Words that mean something only inside a campaign name ("prospecting", "black"). */
  readonly campaignOnly: ReadonlySet<string>;
  /** Longest phrase (in words) of the value index. */
  readonly longestValue: number;
  /** Content words a misspelled word may be corrected to. */
  readonly corrections: readonly string[];
  /** Those of them that are filter values: a word is corrected to one only from six letters up ("bring" is not "bing"). */
  readonly valueWords: ReadonlySet<string>;
  /** Every word the reader knows (not corrected). */
  readonly known: ReadonlySet<string>;
}

const prepared = new WeakMap<Vocabulary, PreparedVocabulary>();

/** The value a hit echoes: a slug (`meta`, `paid_social`) or a city's stored name. */
function echoedValue(option: FilterOption): string {
  return option.label;
}

/** A phrase as the reader sees words: normalized, without "the" (plain-words.ts drops it). */
const phraseKey = (phrase: string): string =>
  normalizeValue(phrase)
    .split(" ")
    .filter((w) => w !== "the")
    .join(" ");

function addHit(map: Map<string, ValueHit[]>, phrase: string, hit: ValueHit): void {
  const key = phraseKey(phrase);
  if (key === "") return;
  const list = map.get(key) ?? [];
  if (!list.some((h) => h.key === hit.key && h.value === hit.value)) list.push(hit);
  map.set(key, list);
}

function phraseWords(phrases: Iterable<string>): string[] {
  return [...phrases].flatMap((p) => normalizeValue(p).split(" ")).filter((w) => w !== "");
}

export function prepareVocabulary(vocabulary: Vocabulary): PreparedVocabulary {
  const hit = prepared.get(vocabulary);
  if (hit) return hit;
  const values = new Map<string, ValueHit[]>();
  for (const key of FILTER_KEYS) {
    if (key === "campaign") continue;
    for (const option of vocabulary.values[key] ?? []) {
      for (const spelling of option.spellings) addHit(values, spelling, { key, value: echoedValue(option) });
      for (const [stored, names] of Object.entries(FILTER_ALIASES[key])) {
        if (option.spellings.some((s) => normalizeValue(s) === normalizeValue(stored)))
          for (const name of names) addHit(values, name, { key, value: echoedValue(option) });
      }
    }
  }
  const campaigns = (vocabulary.values.campaign ?? []).map(
    (option) =>
      new Set(
        normalizeValue(option.label)
          .split(" ")
          .filter((w) => w !== ""),
      ),
  );
  const staticWords = new Set([
    ...phraseWords(Object.keys(KPI_PHRASES)),
    ...Object.keys(THING_WORDS),
    ...Object.keys(RANK_WORDS),
    ...Object.keys(INTENT_WORDS),
    ...phraseWords(AREA_WORDS),
    ...PERIOD_VOCABULARY.map((w) => normalizeValue(w)),
    ...COMPARISON_VOCABULARY,
  ]);
  const valueWords = new Set(phraseWords(values.keys()));
  const campaignOnly = new Set(
    campaigns
      .flatMap((words) => [...words])
      .filter(
        (w) =>
          !staticWords.has(w) &&
          !valueWords.has(w) &&
          !STOP_WORDS.has(w) &&
          !/^\d+$/u.test(w) &&
          w.length > 2,
      ),
  );
  const known = new Set([...staticWords, ...valueWords, ...STOP_WORDS, ...campaigns.flatMap((w) => [...w])]);
  const corrections = [...staticWords, ...valueWords, ...campaignOnly].filter(
    (w) => w.length >= 4 && !STOP_WORDS.has(w),
  );
  const result: PreparedVocabulary = {
    today: vocabulary.today,
    values,
    campaigns,
    campaignOnly,
    longestValue: Math.max(1, ...[...values.keys()].map((k) => k.split(" ").length)),
    corrections: [...new Set(corrections)],
    valueWords: new Set([...valueWords, ...campaignOnly].filter((w) => !staticWords.has(w))),
    known,
  };
  prepared.set(vocabulary, result);
  return result;
}
