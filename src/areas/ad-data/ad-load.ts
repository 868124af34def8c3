/** The ad areas' load; its query module (Kysely over the ad views) is imported on first use. */
import type { AreaDefinition } from "../area-module.js";
import type { AdData } from "./ad-data.js";

export const loadAdData: AreaDefinition<AdData>["load"] = async (db, range, filters) =>
  (await import("./ad-query.js")).loadAdData(db, range, filters);
