/** Test seams and tuning of the Teams platform; production uses the defaults. */
import type { ChartBudget } from "./charts/chart-placement.js";
import type { DeliveryOptions } from "./delivery/paced-connector.js";

export interface TeamsOptions {
  readonly delivery?: DeliveryOptions;
  readonly chartBudget?: ChartBudget;
  readonly chartSize?: { readonly width: number; readonly height: number };
  readonly authTimeoutMs?: number;
}
