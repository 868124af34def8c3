/**
 * Nearest-word suggestions for "did you mean …?" messages: optimal-string-alignment
 * Damerau–Levenshtein distance over code points, case-insensitive, plus a few cheap
 * shortcuts (punctuation-insensitive equality, prefixes, containment).
 */

export interface SuggestOptions {
  /** At most this many candidates (default 3). */
  readonly max?: number;
  /** Largest edit distance accepted; default grows with the word: 1 (≤ 3 chars), 2 (≤ 6), 3. */
  readonly maxDistance?: number;
}

/** Edit distance with adjacent transpositions counted as one edit ("campaigsn" → 1). */
export function editDistance(a: string, b: string): number {
  const s = Array.from(a);
  const t = Array.from(b);
  const width = t.length + 1;
  let before = new Array<number>(width).fill(0);
  let previous = Array.from({ length: width }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const current = new Array<number>(width).fill(0);
    current[0] = i;
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let best = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) {
        best = Math.min(best, (before[j - 2] ?? 0) + 1);
      }
      current[j] = best;
    }
    before = previous;
    previous = current;
  }
  return previous[t.length] ?? 0;
}

function defaultMaxDistance(length: number): number {
  if (length <= 3) return 1;
  return length <= 6 ? 2 : 3;
}

const squash = (word: string): string => word.replace(/[-_.\s]/gu, "");

function score(word: string, candidate: string, allowed: number): number | undefined {
  if (word === candidate) return 0;
  if (squash(word) === squash(candidate) && squash(word) !== "") return 0.5;
  const length = Array.from(word).length;
  if (length >= 3 && candidate.startsWith(word)) return 1;
  const lengthGap = Math.abs(length - Array.from(candidate).length);
  const distance = lengthGap > allowed ? Number.POSITIVE_INFINITY : editDistance(word, candidate);
  if (distance <= allowed) return distance;
  if (length >= 4 && candidate.includes(word)) return Math.min(2, allowed);
  return undefined;
}

/**
 * Up to `max` candidates nearest to `word`, best first (ties keep the candidates' order).
 * A near-exact match (distance ≤ 1) hides the farther ones; otherwise candidates up to one
 * edit worse than the best are kept. Returns the candidates as given (original case).
 */
export function suggest(word: string, candidates: readonly string[], options: SuggestOptions = {}): string[] {
  const needle = word.trim().toLowerCase();
  if (needle === "") return [];
  const allowed = options.maxDistance ?? defaultMaxDistance(Array.from(needle).length);
  const seen = new Set<string>();
  const scored: { candidate: string; score: number; order: number }[] = [];
  candidates.forEach((candidate, order) => {
    const lower = candidate.toLowerCase();
    if (seen.has(lower)) return;
    seen.add(lower);
    const value = score(needle, lower, allowed);
    if (value !== undefined) scored.push({ candidate, score: value, order });
  });
  scored.sort((x, y) => x.score - y.score || x.order - y.order);
  const best = scored[0]?.score ?? 0;
  const cutoff = best <= 1 ? best : Math.min(allowed, best + 1);
  return scored
    .filter((entry) => entry.score <= cutoff)
    .slice(0, options.max ?? 3)
    .map((entry) => entry.candidate);
}
