/**
 * fast-check arbitraries for the parser property test: random strings (any code point,
 * lone surrogates, control characters, very long), mutations of valid commands
 * (deletions, insertions, swaps, case flips, duplications, SQL fragments) and commands
 * generated from the grammar (random case, order, spacing, quoted Unicode values).
 */
import fc from "fast-check";
import { AREA_NAMES, areaModule, findArea } from "../../src/areas/registry.js";

const VALID = [
  "/kpi campaigns last-30d",
  'kpi campaigns mtd vs last-year platform=meta campaign="Black Friday"',
  "orders 2026-10-01..2026-10-31 city=München source=paid_social",
  "funnel qtd vs previous platform=tiktok",
  "low-stock category=shoes",
  "users 2026-11 city='São Paulo'",
  "traffic ytd vs last year source=email",
  "help campaigns",
  "help metrics",
  "subscribe campaigns daily 09:00",
  "roas last-quarter",
  "ctr yesterday platform=google",
];

const FRAGMENTS = [
  "'; DROP TABLE users; --",
  '" OR 1=1 --',
  "UNION SELECT * FROM users",
  "SELECT * FROM `users`",
  "`",
  "=",
  "==",
  "..",
  '"',
  "'",
  "\u201C",
  "\u2019",
  " vs ",
  "last-",
  "2026-02-30",
  "9999-99",
  "help",
  "\u0000",
  "\u202E",
  "\u200B",
  "\uD800",
  "\n",
  "\t",
  "\u00A0",
  "München",
  "😀",
  "a\u0308",
  "%s%n",
  "{{x}}",
  "<script>",
  "\\",
  "x".repeat(60),
];

const anyCodeUnit = fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit));

type Mutation =
  | { kind: "delete"; at: number; length: number }
  | { kind: "insert"; at: number; text: string }
  | { kind: "swap"; at: number }
  | { kind: "case"; at: number; length: number }
  | { kind: "duplicate"; at: number; length: number };

const position = fc.nat({ max: 200 });
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant("delete" as const), at: position, length: fc.integer({ min: 1, max: 8 }) }),
  fc.record({
    kind: fc.constant("insert" as const),
    at: position,
    text: fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ unit: anyCodeUnit, maxLength: 4 })),
  }),
  fc.record({ kind: fc.constant("swap" as const), at: position }),
  fc.record({ kind: fc.constant("case" as const), at: position, length: fc.integer({ min: 1, max: 20 }) }),
  fc.record({
    kind: fc.constant("duplicate" as const),
    at: position,
    length: fc.integer({ min: 1, max: 20 }),
  }),
);

function mutate(text: string, change: Mutation): string {
  const at = change.at % (text.length + 1);
  switch (change.kind) {
    case "delete":
      return text.slice(0, at) + text.slice(at + change.length);
    case "insert":
      return text.slice(0, at) + change.text + text.slice(at);
    case "swap":
      return at + 1 < text.length ? text.slice(0, at) + text[at + 1] + text[at] + text.slice(at + 2) : text;
    case "case": {
      const part = text.slice(at, at + change.length);
      const flipped = part === part.toUpperCase() ? part.toLowerCase() : part.toUpperCase();
      return text.slice(0, at) + flipped + text.slice(at + change.length);
    }
    case "duplicate":
      return (
        text.slice(0, at + change.length) +
        text.slice(at, at + change.length) +
        text.slice(at + change.length)
      );
  }
}

const mutated = fc
  .tuple(fc.constantFrom(...VALID), fc.array(mutation, { minLength: 1, maxLength: 6 }))
  .map(([text, changes]) => changes.reduce(mutate, text));

/** Commands built from the grammar: random case, order, spacing and (quoted) filter values. */
const randomCase = (word: string) =>
  fc
    .array(fc.boolean(), { minLength: word.length, maxLength: word.length })
    .map((flags) => Array.from(word, (char, i) => (flags[i] ? char.toUpperCase() : char)).join(""));
const periodWord = fc.oneof(
  fc.constantFrom("today", "yesterday", "last-7d", "last-30d", "last-90d", "mtd", "qtd", "ytd", "last-month"),
  fc
    .record({ y: fc.integer({ min: 1990, max: 2030 }), m: fc.integer({ min: 1, max: 12 }) })
    .map(({ y, m }) => `${y}-${String(m).padStart(2, "0")}`),
  fc
    .record({
      y: fc.integer({ min: 2000, max: 2030 }),
      d: fc.integer({ min: 0, max: 2000 }),
      n: fc.nat({ max: 1200 }),
    })
    .map(({ y, d, n }) => {
      const from = new Date(Date.UTC(y, 0, 1 + d)).toISOString().slice(0, 10);
      const to = new Date(Date.UTC(y, 0, 1 + d + n)).toISOString().slice(0, 10);
      return `${from}..${to}`;
    }),
);
const filterValue = fc.oneof(
  fc.string({ unit: "grapheme-ascii", minLength: 1, maxLength: 12 }),
  fc.string({ unit: "grapheme", minLength: 1, maxLength: 8 }),
);
const generated = fc
  .record({
    area: fc.constantFrom(...AREA_NAMES, "funnel", "low-stock").chain(randomCase),
    period: fc.option(periodWord.chain(randomCase)),
    comparison: fc.option(fc.constantFrom("vs previous", "vs last-year", "VS Last Year")),
    values: fc.array(filterValue, { maxLength: 3 }),
    quote: fc.constantFrom('"', "'", "\u201C", ""),
    space: fc.constantFrom(" ", "  ", "\t", " \n "),
    prefix: fc.constantFrom("", "/kpi ", "KPI "),
  })
  .chain((command) => {
    const area = findArea(command.area);
    const keys = area ? areaModule(area).filters : [];
    const close = command.quote === "\u201C" ? "\u201D" : command.quote;
    const filters = command.values
      .slice(0, keys.length)
      .map((value, i) => `${keys[i]}=${command.quote}${value}${close}`);
    const words = [command.period, command.comparison, ...filters].filter((word): word is string => !!word);
    return fc
      .shuffledSubarray(words, { minLength: words.length })
      .map((shuffled) => command.prefix + [command.area, ...shuffled].join(command.space));
  });

/** Everything the property runs over, weighted towards near-valid commands. */
export const commandInput = fc.oneof(
  { arbitrary: generated, weight: 4 },
  { arbitrary: mutated, weight: 6 },
  { arbitrary: fc.string({ unit: "binary", maxLength: 60 }), weight: 1 },
  { arbitrary: fc.string({ unit: anyCodeUnit, maxLength: 60 }), weight: 1 },
  { arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }), weight: 1 },
  { arbitrary: fc.string({ unit: "binary-ascii", minLength: 400, maxLength: 1200 }), weight: 1 },
  {
    arbitrary: fc
      .array(fc.constantFrom(...FRAGMENTS, ...VALID), { maxLength: 8 })
      .map((parts) => parts.join(" ")),
    weight: 2,
  },
);
