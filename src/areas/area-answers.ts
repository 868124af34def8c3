/** One builder per area: fetch the period (and comparison) data from the source, build the Answer. */
import type { Answer } from "../answer/answer.js";
import type { Area } from "../commands/areas.js";
import { adPerformanceAnswer, campaignsAnswer, ctrAnswer, roasAnswer } from "./ad-answers.js";
import { adsAnswer } from "./ads-answer.js";
import type { AreaContext } from "./area-context.js";
import type { DateRange, ResolvedFilters } from "./area-data.js";
import { ordersAnswer } from "./orders-answer.js";
import { productsAnswer } from "./products-answer.js";
import type { ReportingSource } from "./reporting-source.js";
import { stockAnswer } from "./stock-answer.js";
import { trafficAnswer } from "./traffic-answer.js";
import { usersAnswer } from "./users-answer.js";

type Builder = (context: AreaContext, source: ReportingSource) => Promise<Answer>;

/** Loads the period and, when there is one, the comparison range in parallel. */
async function both<T>(
  context: AreaContext,
  load: (range: DateRange, filters: ResolvedFilters) => Promise<T>,
): Promise<[T, T | null]> {
  return Promise.all([
    load(context.period, context.filters),
    context.comparison ? load(context.comparison, context.filters) : Promise.resolve(null),
  ]);
}

const adArea =
  (build: typeof campaignsAnswer): Builder =>
  async (context, source) => {
    const [current, previous] = await both(context, (r, f) => source.adData(r, f));
    return build(context, current, previous);
  };

export const AREA_BUILDERS: Readonly<Record<Area, Builder>> = {
  campaigns: adArea(campaignsAnswer),
  "ad-performance": adArea(adPerformanceAnswer),
  roas: adArea(roasAnswer),
  ctr: adArea(ctrAnswer),
  ads: async (context, source) => {
    const [current, previous] = await both(context, (r, f) => source.adStructure(r, f));
    return adsAnswer(context, current, previous);
  },
  orders: async (context, source) => {
    const [current, previous] = await both(context, (r, f) => source.orders(r, f));
    return ordersAnswer(context, current, previous);
  },
  users: async (context, source) => {
    const [current, previous] = await both(context, (r, f) => source.users(r, f));
    return usersAnswer(context, current, previous);
  },
  products: async (context, source) => {
    const [current, previous] = await both(context, (r, f) => source.products(r, f));
    return productsAnswer(context, current, previous);
  },
  stock: async (context, source) =>
    stockAnswer(context, await source.lowStock(context.period.to, context.filters)),
  traffic: async (context, source) => {
    const [current, previous] = await both(context, (r, f) => source.traffic(r, f));
    return trafficAnswer(context, current, previous);
  },
};
