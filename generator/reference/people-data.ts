/** Where customers live, what they use and how they pay: a DACH + Netherlands shop. */

export type CountryCode = "DE" | "AT" | "CH" | "NL";
export type NameLocale = "de" | "de_AT" | "de_CH" | "fr_CH" | "nl" | "en";

export interface CitySpec {
  readonly name: string;
  readonly country: CountryCode;
  /** Relative number of customers (roughly metro population, capitals boosted). */
  readonly weight: number;
  readonly locale: NameLocale;
}

const c = (name: string, country: CountryCode, weight: number, locale: NameLocale): CitySpec => ({
  name,
  country,
  weight,
  locale,
});

export const CITIES: readonly CitySpec[] = [
  c("Berlin", "DE", 3.9, "de"),
  c("Hamburg", "DE", 1.9, "de"),
  c("Munich", "DE", 1.6, "de"),
  c("Cologne", "DE", 1.1, "de"),
  c("Frankfurt", "DE", 0.8, "de"),
  c("Stuttgart", "DE", 0.65, "de"),
  c("Düsseldorf", "DE", 0.62, "de"),
  c("Leipzig", "DE", 0.6, "de"),
  c("Dortmund", "DE", 0.55, "de"),
  c("Essen", "DE", 0.55, "de"),
  c("Bremen", "DE", 0.5, "de"),
  c("Dresden", "DE", 0.52, "de"),
  c("Hanover", "DE", 0.5, "de"),
  c("Nuremberg", "DE", 0.5, "de"),
  c("Vienna", "AT", 1.9, "de_AT"),
  c("Graz", "AT", 0.3, "de_AT"),
  c("Linz", "AT", 0.22, "de_AT"),
  c("Salzburg", "AT", 0.18, "de_AT"),
  c("Zurich", "CH", 0.45, "de_CH"),
  c("Geneva", "CH", 0.22, "fr_CH"),
  c("Basel", "CH", 0.18, "de_CH"),
  c("Bern", "CH", 0.14, "de_CH"),
  c("Lausanne", "CH", 0.14, "fr_CH"),
  c("Amsterdam", "NL", 0.95, "nl"),
  c("Rotterdam", "NL", 0.65, "nl"),
  c("The Hague", "NL", 0.55, "nl"),
  c("Utrecht", "NL", 0.38, "nl"),
  c("Eindhoven", "NL", 0.25, "nl"),
  c("Groningen", "NL", 0.23, "nl"),
  c("Tilburg", "NL", 0.22, "nl"),
];

export const EMAIL_DOMAINS: Readonly<Record<CountryCode, readonly (readonly [string, number])[]>> = {
  DE: [
    ["gmail.com", 34],
    ["gmx.de", 20],
    ["web.de", 18],
    ["outlook.com", 10],
    ["t-online.de", 8],
    ["icloud.com", 10],
  ],
  AT: [
    ["gmail.com", 38],
    ["gmx.at", 22],
    ["outlook.com", 14],
    ["aon.at", 10],
    ["icloud.com", 16],
  ],
  CH: [
    ["gmail.com", 36],
    ["bluewin.ch", 24],
    ["gmx.ch", 12],
    ["outlook.com", 12],
    ["icloud.com", 16],
  ],
  NL: [
    ["gmail.com", 40],
    ["hotmail.com", 18],
    ["outlook.com", 14],
    ["ziggo.nl", 12],
    ["icloud.com", 16],
  ],
};

export type Gender = "female" | "male" | "nonbinary" | "unknown";
export const GENDERS: readonly (readonly [Gender, number])[] = [
  ["female", 52],
  ["male", 44],
  ["nonbinary", 1.5],
  ["unknown", 2.5],
];

export type Device = "mobile" | "desktop" | "tablet";
export const DEVICES: readonly Device[] = ["mobile", "desktop", "tablet"];
export const DEVICE_SHARES: readonly number[] = [58, 34, 8];

export type AppPlatform = "ios" | "android" | "web";
/** App platform given the device: desktops use the web shop, phones mostly the apps. */
export const PLATFORM_BY_DEVICE: Readonly<Record<Device, readonly (readonly [AppPlatform, number])[]>> = {
  mobile: [
    ["ios", 44],
    ["android", 38],
    ["web", 18],
  ],
  desktop: [["web", 1]],
  tablet: [
    ["ios", 58],
    ["android", 18],
    ["web", 24],
  ],
};

/** Age at signup in years: bands with their shares (a 25-44 heavy customer base). */
export const AGE_BANDS: readonly (readonly [number, number, number])[] = [
  [18, 24, 14],
  [25, 34, 31],
  [35, 44, 25],
  [45, 54, 16],
  [55, 64, 9],
  [65, 80, 5],
];

export type PaymentMethod =
  | "card"
  | "paypal"
  | "apple_pay"
  | "google_pay"
  | "klarna"
  | "bank_transfer"
  | "cash_on_delivery";

/** Checkout payment method shares; the Netherlands pays by bank (iDEAL), iPhones by Apple Pay. */
export const PAYMENT_MIX: Readonly<Record<"default" | "nl", readonly (readonly [PaymentMethod, number])[]>> =
  {
    default: [
      ["paypal", 29],
      ["card", 24],
      ["klarna", 16],
      ["apple_pay", 10],
      ["google_pay", 6],
      ["bank_transfer", 10],
      ["cash_on_delivery", 5],
    ],
    nl: [
      ["bank_transfer", 38],
      ["card", 16],
      ["paypal", 16],
      ["klarna", 12],
      ["apple_pay", 10],
      ["google_pay", 6],
      ["cash_on_delivery", 2],
    ],
  };
