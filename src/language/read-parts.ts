/**
 * readPlainParts: which parts of a query a plain text names — area words, KPIs, a period, a
 * comparison, filter values, a ranking, intents ("why", "as a chart") — without deciding
 * the query. A whole question (read-question.ts) decides from them; a follow-up in a thread
 * applies only the parts it names onto the previous query.
 */
import { type ComparisonMode, isFilterKey, type PeriodSpec } from "../answer/query.js";
import { type Area, findArea } from "../areas/registry.js";
import { parsePeriod } from "../commands/period-spec.js";
import { editDistance } from "../commands/suggest.js";
import { readComparisonAt } from "./comparison-phrases.js";
import { readPeriodAt } from "./period-phrases.js";
import type { Intent, PlainParts, RankWord } from "./plain-parts.js";
import { longestPhrase, numberOf, type PlainWord, splitWords, startsWithPhrase } from "./plain-words.js";
import { INTENT_WORDS, KPI_PHRASES, RANK_WORDS, STOP_WORDS, THING_WORDS } from "./question-words.js";
import { type PreparedVocabulary, prepareVocabulary, type ValueHit, type Vocabulary } from "./vocabulary.js";

interface Draft {
  areaVotes: Map<Area, number>;
  area?: Area;
  named: Area[];
  kpis: (readonly string[])[];
  period?: PeriodSpec;
  impliedPeriod?: PeriodSpec;
  comparison?: ComparisonMode;
  filters: (readonly ValueHit[])[];
  rank?: { order?: RankWord; limit?: number | "all"; by?: readonly string[]; kpiAfter?: number };
  intents: Intent[];
  unknown: string[];
  clashes: string[];
  guesses: string[];
  understood: number;
}

const MAX_PHRASE = 4;
const RANK_KEYS: Readonly<Record<string, RankWord>> = {
  top: "top",
  bottom: "bottom",
  best: "best",
  worst: "worst",
};
const BY_CUES: readonly (readonly string[])[] = [
  ["sorted", "by"],
  ["ranked", "by"],
  ["ordered", "by"],
  ["in", "terms", "of"],
  ["by"],
  ["on"],
];

function vote(draft: Draft, votes: Readonly<Partial<Record<Area, number>>>): void {
  for (const [area, weight] of Object.entries(votes) as [Area, number][])
    draft.areaVotes.set(area, (draft.areaVotes.get(area) ?? 0) + weight);
}

function setPeriod(draft: Draft, spec: PeriodSpec): void {
  if (draft.period && JSON.stringify(draft.period) !== JSON.stringify(spec))
    draft.clashes.push("two periods");
  draft.period = spec;
}

function setComparison(draft: Draft, mode: ComparisonMode): void {
  if (draft.comparison && draft.comparison !== mode) draft.clashes.push("two comparisons");
  draft.comparison = mode;
}

function rankOf(draft: Draft) {
  draft.rank ??= {};
  return draft.rank;
}

/** A run of words from i that some campaign name contains, with a word only campaigns have or next to "campaign". */
function campaignRun(texts: readonly string[], i: number, vocab: PreparedVocabulary): number {
  let best = 0;
  for (let n = 1; n <= Math.min(6, texts.length - i); n++) {
    const run = texts.slice(i, i + n);
    if (!vocab.campaigns.some((words) => run.every((w) => words.has(w)))) break;
    // Next to "campaign" any name words; next to "campaigns" only words that name nothing else ("black friday campaigns", not "meta campaigns").
    const plain = run.every((w) => !STOP_WORDS.has(w) && !vocab.valueWords.has(w) && !/^\d+$/u.test(w));
    const next = (word: string | undefined) => word === "campaign" || (word === "campaigns" && plain);
    const named = next(texts[i - 1]) || next(texts[i + n]);
    if (!named && (STOP_WORDS.has(run[0] ?? "") || STOP_WORDS.has(run[n - 1] ?? ""))) continue;
    const distinctive = run.some((w) => vocab.campaignOnly.has(w));
    if (named || distinctive) best = n;
  }
  return best;
}

function correctTypos(words: PlainWord[], vocab: PreparedVocabulary, guesses: string[]): PlainWord[] {
  return words.map((word) => {
    if (word.filter || word.grammar || word.quoted !== undefined) return word;
    const text = word.text;
    if (vocab.known.has(text) || text.length < 4 || /\d/u.test(text) || KPI_PHRASES[text]) return word;
    const allowed = text.length <= 5 ? 1 : 2;
    let best: string | undefined;
    let bestDistance = allowed + 1;
    let tie = false;
    for (const candidate of vocab.corrections) {
      if (Math.abs(candidate.length - text.length) > allowed) continue;
      if (text.length < 6 && vocab.valueWords.has(candidate)) continue;
      const distance = editDistance(text, candidate);
      if (distance < bestDistance) {
        [best, bestDistance, tie] = [candidate, distance, false];
      } else if (distance === bestDistance && candidate !== best) tie = true;
    }
    if (best === undefined || tie) return word;
    guesses.push(`read \`${text}\` as \`${best}\``);
    return { text: best };
  });
}

function readGrammarWord(draft: Draft, word: PlainWord): boolean {
  if (word.filter) {
    const key = word.filter.key;
    const value = word.filter.value.replace(/^["'\u201C\u201D]|["'\u201C\u201D]$/gu, "");
    if (isFilterKey(key)) draft.filters.push([{ key, value }]);
    else if (RANK_KEYS[key]) {
      const rank = rankOf(draft);
      rank.order = RANK_KEYS[key];
      const count = numberOf(value.toLowerCase());
      if (value.toLowerCase() === "all") rank.limit = "all";
      else if (count !== undefined) rank.limit = count;
      else return false;
    } else if (key === "by") {
      const keys = KPI_PHRASES[value.toLowerCase().replace(/[_-]+/gu, " ")] ?? [value.toLowerCase()];
      rankOf(draft).by = keys;
    } else return false;
    return true;
  }
  if (word.text === "last-year") {
    setComparison(draft, "last-year");
    return true;
  }
  try {
    const spec = parsePeriod(word.text);
    if (!spec) return false;
    setPeriod(draft, spec);
    return true;
  } catch {
    return false;
  }
}

/** Reads `top 5`, `5 best`, `best performing`, `by roas`; returns the words used (0: none). */
function readRank(draft: Draft, texts: readonly string[], i: number): number {
  const word = texts[i] ?? "";
  const order = RANK_WORDS[word];
  const count = numberOf(word);
  if (count !== undefined && RANK_WORDS[texts[i + 1] ?? ""]) {
    const rank = rankOf(draft);
    rank.order = RANK_WORDS[texts[i + 1] ?? ""];
    rank.limit = count;
    rank.kpiAfter = draft.kpis.length;
    return texts[i + 2] === "performing" ? 3 : 2;
  }
  if (order) {
    const rank = rankOf(draft);
    rank.order = order;
    rank.kpiAfter = draft.kpis.length;
    const limit = numberOf(texts[i + 1]);
    if (
      limit !== undefined &&
      !/^\d+d$/u.test(texts[i + 2] ?? "") &&
      !["days", "day", "weeks", "week", "months"].includes(texts[i + 2] ?? "")
    ) {
      rank.limit = limit;
      return texts[i + 2] === "performing" ? 3 : 2;
    }
    return texts[i + 1] === "performing" ? 2 : 1;
  }
  for (const cue of BY_CUES) {
    if (!startsWithPhrase(texts, i, cue)) continue;
    const kpi = longestPhrase(texts, i + cue.length, (p) => KPI_PHRASES[p], MAX_PHRASE);
    if (!kpi) continue;
    rankOf(draft).by = kpi[1];
    draft.kpis.push(kpi[1]);
    return cue.length + kpi[0];
  }
  return 0;
}

/** The parts a plain text names (never throws). */
export function readPlainParts(text: string, vocabulary: Vocabulary): PlainParts {
  const vocab = prepareVocabulary(vocabulary);
  const guesses: string[] = [];
  const words = correctTypos(splitWords(text), vocab, guesses);
  const texts = words.map((w) => w.text);
  const draft: Draft = {
    areaVotes: new Map(),
    named: [],
    kpis: [],
    filters: [],
    intents: [],
    unknown: [],
    clashes: [],
    guesses,
    understood: 0,
  };
  const today = vocab.today;
  for (let i = 0; i < words.length; ) {
    const word = words[i] as PlainWord;
    const used = readAt(draft, words, texts, i, vocab, today);
    if (used > 0) {
      draft.understood += 1;
      i += used;
      continue;
    }
    if (!STOP_WORDS.has(word.text)) draft.unknown.push(word.quoted ?? word.text);
    i += 1;
  }
  return draft;
}

function readAt(
  draft: Draft,
  words: readonly PlainWord[],
  texts: readonly string[],
  i: number,
  vocab: PreparedVocabulary,
  today: string,
): number {
  const word = words[i] as PlainWord;
  if (word.filter || word.grammar) return readGrammarWord(draft, word) ? 1 : 0;
  if (word.quoted !== undefined) {
    const hits = vocab.values.get(word.text);
    draft.filters.push(
      hits ? [...hits, { key: "campaign", value: word.quoted }] : [{ key: "campaign", value: word.quoted }],
    );
    return 1;
  }
  const comparison = readComparisonAt(texts, i);
  if (comparison) {
    setComparison(draft, comparison.mode);
    if (comparison.period) draft.impliedPeriod = comparison.period;
    return comparison.length;
  }
  const period = readPeriodAt(texts, i, today);
  if (period) {
    setPeriod(draft, period.spec);
    return period.length;
  }
  const rank = readRank(draft, texts, i);
  if (rank > 0) return rank;
  const campaign = campaignRun(texts, i, vocab);
  if (campaign > 0) {
    draft.filters.push([{ key: "campaign", value: texts.slice(i, i + campaign).join(" ") }]);
    // "the black friday campaign": the word "campaign" belongs to the name, not to the area.
    return campaign + (texts[i + campaign] === "campaign" ? 1 : 0);
  }
  const kpi = longestPhrase(texts, i, (p) => KPI_PHRASES[p], MAX_PHRASE);
  const value = longestPhrase(texts, i, (p) => vocab.values.get(p), vocab.longestValue);
  if (value && (!kpi || value[0] > kpi[0])) {
    draft.filters.push(value[1]);
    // "fb ads", "tiktok ads": a platform's ads are the platform.
    const ads = texts[i + value[0]] === "ads" && value[1].some((hit) => hit.key === "platform");
    return value[0] + (ads ? 1 : 0);
  }
  if (kpi) {
    draft.kpis.push(kpi[1]);
    const thing = THING_WORDS[texts.slice(i, i + kpi[0]).join(" ")];
    if (thing) vote(draft, thing);
    return kpi[0];
  }
  const two = texts.slice(i, i + 2).join(" ");
  const area = findArea(two.replace(" ", "-")) ?? findArea(word.text);
  if (area) draft.named.push(area);
  if (area && (findArea(two.replace(" ", "-")) || !THING_WORDS[word.text])) {
    draft.area ??= area;
    vote(draft, { [area]: 100 });
    return findArea(two.replace(" ", "-")) ? 2 : 1;
  }
  const thing = THING_WORDS[word.text];
  if (thing) {
    vote(draft, thing);
    // Ranking products is the orders area's list of top products (the products area lists categories).
    if (draft.rank && (word.text === "products" || word.text === "product" || word.text === "items"))
      vote(draft, { orders: 20 });
    if (thing.campaigns === 100) draft.area ??= "campaigns";
    return 1;
  }
  const intent = INTENT_WORDS[word.text];
  if (intent) {
    if (!draft.intents.includes(intent)) draft.intents.push(intent);
    return 1;
  }
  return 0;
}
