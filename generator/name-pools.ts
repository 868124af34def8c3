/**
 * Small pools of names built once with faker (seeded), which the PRNG then samples per row:
 * faker per row would be several times slower than the database can load.
 */
import { faker as fakerDe } from "@faker-js/faker/locale/de";
import { faker as fakerDeAt } from "@faker-js/faker/locale/de_AT";
import { faker as fakerDeCh } from "@faker-js/faker/locale/de_CH";
import { faker as fakerEn } from "@faker-js/faker/locale/en";
import { faker as fakerFrCh } from "@faker-js/faker/locale/fr_CH";
import { faker as fakerNl } from "@faker-js/faker/locale/nl";
import type { NameLocale } from "./reference/people-data.js";

type Faker = typeof fakerEn;

/** A name as shown, and its ASCII form for e-mail addresses. */
export interface PoolName {
  readonly text: string;
  readonly ascii: string;
}

export interface LocaleNames {
  readonly female: readonly PoolName[];
  readonly male: readonly PoolName[];
  readonly last: readonly PoolName[];
}

export interface NamePools {
  readonly byLocale: Readonly<Record<NameLocale, LocaleNames>>;
  /** Brand names for products (surnames and short invented words). */
  readonly brands: readonly string[];
}

const FAKERS: Readonly<Record<NameLocale, Faker>> = {
  de: fakerDe,
  de_AT: fakerDeAt,
  de_CH: fakerDeCh,
  fr_CH: fakerFrCh,
  nl: fakerNl,
  en: fakerEn,
};

const FIRST_NAMES_PER_GENDER = 80;
const LAST_NAMES = 150;
const BRANDS = 60;

/** Text safe for a tab-separated LOAD DATA file: no tabs, newlines or backslashes, single spaces. */
export function cleanText(text: string): string {
  return text
    .replace(/[\t\n\r\\]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** Lower-case ASCII letters and digits only: "Jürgen O'Neil" -> "jurgenoneil". */
export function asciiFold(text: string): string {
  return text
    .replaceAll("ß", "ss")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
}

function unique(make: () => string, count: number): PoolName[] {
  const seen = new Map<string, PoolName>();
  for (let attempt = 0; attempt < count * 6 && seen.size < count; attempt++) {
    const text = cleanText(make());
    const ascii = asciiFold(text);
    if (text !== "" && ascii !== "" && text.length <= 40) seen.set(text, { text, ascii });
  }
  return [...seen.values()];
}

export function buildNamePools(seed: number): NamePools {
  const byLocale = {} as Record<NameLocale, LocaleNames>;
  let offset = 0;
  for (const [locale, faker] of Object.entries(FAKERS) as [NameLocale, Faker][]) {
    faker.seed(seed + offset++);
    byLocale[locale] = {
      female: unique(() => faker.person.firstName("female"), FIRST_NAMES_PER_GENDER),
      male: unique(() => faker.person.firstName("male"), FIRST_NAMES_PER_GENDER),
      last: unique(() => faker.person.lastName(), LAST_NAMES),
    };
  }
  // Brands are surnames, as many shop brands are: Bichler, Hajek, Van Dijk...
  const brandFakers = [fakerDe, fakerNl, fakerEn];
  let turn = 0;
  const brands = unique(() => (brandFakers[turn++ % brandFakers.length] as Faker).person.lastName(), BRANDS)
    .filter((n) => !n.text.includes(" "))
    .map((n) => n.text);
  return { byLocale, brands };
}
