/**
 * The plain words of the question language: KPI names and synonyms, the things people rank
 * or break down by, intents and stop words. The area each word points to comes from here;
 * which KPIs an area shows and ranks comes from the area (src/areas).
 */
import type { Area } from "../areas/registry.js";

/** A KPI phrase → the measure keys it can mean, most likely first (the area decides among them). */
export const KPI_PHRASES: Readonly<Record<string, readonly string[]>> = {
  roas: ["roas"],
  "return on ad spend": ["roas"],
  "return on adspend": ["roas"],
  "return on advertising spend": ["roas"],
  "ad return": ["roas"],
  roi: ["roi"],
  "return on investment": ["roi"],
  ctr: ["ctr"],
  "click through rate": ["ctr"],
  "click through": ["ctr"],
  "clickthrough rate": ["ctr"],
  clickthrough: ["ctr"],
  "click rate": ["ctr"],
  cvr: ["cvr"],
  "conversion rate": ["conversion_rate", "cvr"],
  "conv rate": ["conversion_rate", "cvr"],
  "conversion rates": ["conversion_rate", "cvr"],
  conversions: ["conversions", "converted_sessions"],
  cpc: ["cpc"],
  "cost per click": ["cpc"],
  cpa: ["cpa"],
  "cost per acquisition": ["cpa"],
  "cost per conversion": ["cpa"],
  spend: ["spend"],
  "ad spend": ["spend"],
  adspend: ["spend"],
  spent: ["spend"],
  spending: ["spend"],
  cost: ["spend"],
  costs: ["spend"],
  revenue: ["revenue"],
  revenues: ["revenue"],
  sales: ["revenue"],
  turnover: ["revenue"],
  umsatz: ["revenue"],
  gmv: ["revenue"],
  income: ["revenue"],
  profit: ["profit"],
  profits: ["profit"],
  profitable: ["profit"],
  profitability: ["profit"],
  margin: ["profit"],
  leads: ["leads"],
  lead: ["leads"],
  clicks: ["clicks"],
  impressions: ["impressions"],
  reach: ["impressions"],
  "click to lead": ["click_to_lead"],
  orders: ["orders"],
  purchases: ["orders"],
  aov: ["aov"],
  "average order value": ["aov"],
  "avg order value": ["aov"],
  "basket size": ["aov"],
  "average basket": ["aov"],
  discounts: ["discount"],
  discount: ["discount"],
  "items sold": ["items", "units"],
  "units sold": ["units", "units_sold"],
  units: ["units", "units_sold"],
  sessions: ["sessions"],
  visits: ["sessions"],
  visitors: ["sessions"],
  users: ["users"],
  customers: ["users"],
  signups: ["new_users"],
  "sign ups": ["new_users"],
  "new users": ["new_users"],
  "new customers": ["new_users"],
  registrations: ["new_users"],
  "active users": ["active_users"],
  "stock levels": ["stock_units"],
  "stock level": ["stock_units"],
  inventory: ["stock_units"],
  "stock value": ["stock_value"],
  "low stock": ["at_or_below_reorder"],
  "running out": ["at_or_below_reorder"],
  "run out": ["at_or_below_reorder"],
  "running low": ["at_or_below_reorder"],
  restock: ["at_or_below_reorder"],
  reorder: ["at_or_below_reorder"],
  "out of stock": ["out_of_stock", "out"],
  "sold out": ["out_of_stock", "out"],
  "days of cover": ["days_of_cover"],
  budget: ["planned_budget"],
  budgets: ["planned_budget"],
  "active ads": ["active_ads"],
  "paused ads": ["paused_ads"],
};

/** Where a KPI is at home when nothing else in the question names an area. */
export const KPI_HOME: Readonly<Record<string, Area>> = {
  roas: "roas",
  ctr: "ctr",
  roi: "campaigns",
  cvr: "campaigns",
  cpc: "campaigns",
  cpa: "campaigns",
  spend: "campaigns",
  profit: "campaigns",
  leads: "campaigns",
  clicks: "ad-performance",
  impressions: "ad-performance",
  conversions: "ad-performance",
  click_to_lead: "ad-performance",
  revenue: "orders",
  orders: "orders",
  aov: "orders",
  discount: "orders",
  items: "orders",
  units: "orders",
  sessions: "traffic",
  conversion_rate: "traffic",
  converted_sessions: "traffic",
  users: "users",
  new_users: "users",
  active_users: "users",
  stock_units: "products",
  stock_value: "products",
  units_sold: "products",
  at_or_below_reorder: "stock",
  out_of_stock: "stock",
  out: "products",
  days_of_cover: "stock",
  planned_budget: "ads",
  active_ads: "ads",
  paused_ads: "ads",
};

/**
 * Words that name what is listed or ranked (or an area outright), with the weight each area
 * gets from it. Area names and their aliases weigh most (src/areas/registry.ts adds them).
 */
export const THING_WORDS: Readonly<Record<string, Readonly<Partial<Record<Area, number>>>>> = {
  campaign: { campaigns: 30 },
  campaigns: { campaigns: 100 },
  product: { products: 8, orders: 6 },
  products: { products: 8, orders: 6 },
  items: { products: 8, orders: 6 },
  skus: { stock: 8, products: 6 },
  sku: { stock: 8, products: 6 },
  platform: { "ad-performance": 8, roas: 6, ctr: 6, ads: 4 },
  platforms: { "ad-performance": 8, roas: 6, ctr: 6, ads: 4 },
  networks: { "ad-performance": 8, roas: 6, ctr: 6, ads: 4 },
  channel: { traffic: 8 },
  channels: { traffic: 8 },
  source: { traffic: 8 },
  sources: { traffic: 8 },
  city: { orders: 6, users: 4 },
  cities: { orders: 6, users: 4 },
  category: { products: 6, stock: 4 },
  categories: { products: 6, stock: 4 },
  format: { "ad-performance": 6, ads: 5 },
  formats: { "ad-performance": 6, ads: 5 },
  payment: { orders: 8 },
  payments: { orders: 8 },
  device: { users: 8 },
  devices: { users: 8 },
  gender: { users: 8 },
  age: { users: 8 },
  demographics: { users: 8 },
  ads: { ads: 20 },
  ad: { ads: 8 },
  funnel: { "ad-performance": 100 },
  traffic: { traffic: 100 },
  stock: { stock: 20, products: 6 },
  inventory: { products: 8, stock: 6 },
  shop: { orders: 4 },
  store: { orders: 4 },
  webshop: { orders: 4 },
  marketing: { campaigns: 4 },
  advertising: { campaigns: 4 },
};

/** Ranking words: which end comes first. `best`/`worst` depend on the KPI (lower CPA is better). */
export const RANK_WORDS: Readonly<Record<string, "top" | "bottom" | "best" | "worst">> = {
  top: "top",
  highest: "top",
  most: "top",
  biggest: "top",
  largest: "top",
  bottom: "bottom",
  lowest: "bottom",
  least: "bottom",
  smallest: "bottom",
  fewest: "bottom",
  cheapest: "bottom",
  best: "best",
  strongest: "best",
  winning: "best",
  worst: "worst",
  weakest: "worst",
  poorest: "worst",
  losing: "worst",
};

/** "why", "explain": the explain command; "chart", "graph": show it as a chart. */
export const INTENT_WORDS: Readonly<Record<string, "why" | "chart" | "table">> = {
  why: "why",
  explain: "why",
  reason: "why",
  reasons: "why",
  drove: "why",
  drivers: "why",
  chart: "chart",
  graph: "chart",
  plot: "chart",
  visual: "chart",
  visualize: "chart",
  table: "table",
};

/** Words that carry no meaning for the query. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `a an and or of to for in on at by from with about how what whats which who where when is are was were be been
  being do did does done doing has have had having i me my we us our ours you your it its it s s this that these
  those there here show me give tell get got see look let lets let's can could would should will please pls plz
  thanks thank thx ty hey hi hello hallo yo ok okay so just only all any some much many more than very really
  quick quickly pull up check want wanted need needed like know doing going performing perform performance
  performed perf numbers number figures figure stats statistics kpis kpi metrics metric data report overview summary
  breakdown split per each every across overall total totals our team whole company going on happening trend trends
  trending look looking looked like doing did went go gone do did change changed changes move moved moving
  up down drop dropped dropping rise rose rising fall fell falling increase increased decrease decreased grow grew
  growth decline declined compare comparison numbers did our result results current currently now latest recent
  recently status update updates kpi bot kpibot please asap today's todays? im i'm ive i've whats what's hows how's
  am pm be been any anything something everything things thing stuff bit been as were same period time please
  them they their then vs versus v against compared compare`
    .split(/\s+/u)
    .filter((w) => w !== ""),
);
