/** One window day of the shop: deliveries arrive, ads deliver (with their visits), unpaid visits come in. */
import { receiveDeliveries } from "../entities/stock.js";
import { Random } from "../random.js";
import { writeAdDay } from "./ad-day.js";
import { writeUnpaidVisits } from "./visits.js";
import type { DaySinks, IdCounters, World } from "./world.js";

export function simulateDay(world: World, sinks: DaySinks, ids: IdCounters, index: number): void {
  const rng = Random.stream(world.seed, "day", index);
  receiveDeliveries(world.stock, index);
  writeAdDay(world, sinks, ids, rng, index);
  writeUnpaidVisits(world, sinks, ids, rng, index);
}
