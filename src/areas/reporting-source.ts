/**
 * Where area data comes from: the port between the KPI engine and the database.
 * src/db/reporting implements it over the v_* views; commands only see this interface.
 */
import type { FilterKey } from "../commands/areas.js";
import type {
  AdData,
  AdStructureData,
  DateRange,
  FilterOption,
  Freshness,
  OrdersData,
  ProductsData,
  ResolvedFilters,
  StockItem,
  TrafficData,
  UsersData,
} from "./area-data.js";

export interface ReportingSource {
  filterOptions(key: FilterKey): Promise<readonly FilterOption[]>;
  adData(range: DateRange, filters: ResolvedFilters): Promise<AdData>;
  adStructure(range: DateRange, filters: ResolvedFilters): Promise<AdStructureData>;
  orders(range: DateRange, filters: ResolvedFilters): Promise<OrdersData>;
  users(range: DateRange, filters: ResolvedFilters): Promise<UsersData>;
  products(range: DateRange, filters: ResolvedFilters): Promise<ProductsData>;
  lowStock(asOf: string, filters: ResolvedFilters): Promise<StockItem[]>;
  traffic(range: DateRange, filters: ResolvedFilters): Promise<TrafficData>;
  freshness(): Promise<Freshness>;
}
