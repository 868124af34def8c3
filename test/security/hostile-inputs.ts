/**
 * Command texts for the hardening property test: hostile strings (SQL fragments, quotes,
 * Unicode, control characters, huge numbers, very long text), valid areas with hostile
 * filter values, and valid queries with odd spellings of real filter values (so queries
 * with bound parameters run). Each input carries the fragments that must never be SQL text.
 */
import fc from "fast-check";
import { AREA_NAMES } from "../../src/areas/registry.js";

export interface HostileInput {
  readonly text: string;
  /** Pieces of user text that must never appear inside an SQL string. */
  readonly fragments: readonly string[];
}

export const SQL_FRAGMENTS = [
  "'; DROP TABLE orders; --",
  '" OR "1"="1',
  "' OR 1=1 #",
  "1 UNION SELECT password FROM mysql.user",
  "`users`; DELETE FROM users",
  "0x27 OR SLEEP(5)",
  "\\'; CALL sp_refresh_all(1); --",
  "/*! DROP DATABASE kpi */",
  "%27%20OR%201%3D1",
  "'||(SELECT 1)||'",
  "Robert'); DROP TABLE students;--",
  ["$", "{7*7}"].join(""), // template-injection probe
  "{{constructor}}",
];
const ODD = [
  "\u0000",
  "\u202E",
  "\u200B",
  "\uFEFF",
  "\u0007",
  "\r\n",
  "\t",
  "😀",
  "a\u0308",
  "İ",
  "ß",
  "\uD800",
  "\u00A0",
];
const HUGE = [
  "99999999999999999999",
  "1e308",
  "-0",
  "NaN",
  "9".repeat(80),
  "2026-99-99",
  "99999-12..99999-13",
];

const unit = fc.integer({ min: 0, max: 0xffff }).map((u) => String.fromCharCode(u));
const piece = fc.oneof(
  fc.constantFrom(...SQL_FRAGMENTS, ...ODD, ...HUGE),
  fc.string({ unit, maxLength: 12 }),
  fc.string({ unit: "grapheme", maxLength: 10 }),
);
const hostileText = fc.oneof(
  fc.array(piece, { minLength: 1, maxLength: 6 }).map((parts) => parts.join(" ")),
  fc.string({ unit: "binary", maxLength: 80 }),
  fc.string({ unit: "binary-ascii", minLength: 450, maxLength: 4000 }),
);
/** An area word glued to a hostile piece: only the piece is user text to look for. */
const gluedToArea = fc
  .tuple(fc.constantFrom(...AREA_NAMES), piece)
  .map(([area, p]) => ({ text: `${area}${p}`, fragments: [p] }));
const quote = fc.constantFrom('"', "'", "\u201C", "");
const period = fc.constantFrom(
  "last-30d",
  "mtd",
  "ytd",
  "2026-11",
  "1995-01",
  "2026-10-01..2026-11-25",
  "last-quarter",
);

/** Valid area and period, a hostile filter value: rejected after the (cached) filter lookup. */
const hostileFilter = fc
  .record({
    key: fc.constantFrom("campaign", "city", "platform", "category", "source"),
    value: piece,
    quote,
    period,
  })
  .map(({ key, value, quote: q, period: p }) => {
    const area = {
      campaign: "campaigns",
      city: "orders",
      platform: "ads",
      category: "products",
      source: "traffic",
    }[key];
    const close = q === "\u201C" ? "\u201D" : q;
    return { text: `${area} ${p} ${key}=${q}${value}${close}`, fragments: [value] };
  });

/** Valid queries: real values spelled oddly; these run, with dates and values as parameters. */
const oddValid = fc
  .record({
    query: fc.constantFrom(
      "orders {p} city=BERLIN",
      "orders {p} city='berlin' source=PAID_SOCIAL",
      "campaigns {p} campaign=1",
      "campaigns {p} platform=META vs last-year",
      "roas {p} platform=Google",
      "stock category=SHOES",
      "products {p} category=\u201Cbags\u201D",
      "traffic {p} source=Organic_Search",
    ),
    period,
  })
  .map(({ query, period: p }) => ({ text: query.replace("{p}", p), fragments: [] as string[] }));

export const hostileInput: fc.Arbitrary<HostileInput> = fc.oneof(
  { arbitrary: hostileText.map((text) => ({ text, fragments: [text] })), weight: 52 },
  { arbitrary: gluedToArea, weight: 8 },
  { arbitrary: hostileFilter, weight: 36 },
  { arbitrary: oddValid, weight: 4 },
);
