/** What the products area reads: the catalogue now (by category, stock, price range) and sales in the range. */
import type { StockItem } from "../stock/stock-data.js";

/** What the comparison period needs: sales in the range (the catalogue and stock are "now"). */
export interface ProductsPrior {
  readonly unitsSold: number;
  readonly revenue: number;
}

export interface ProductsData extends ProductsPrior {
  readonly activeProducts: number;
  readonly stockUnits: number;
  readonly stockValue: number;
  readonly byCategory: readonly {
    readonly category: string;
    readonly products: number;
    readonly stockUnits: number;
    readonly low: number;
    readonly out: number;
  }[];
  /** Active products per price range (index = priceBand of the price). */
  readonly priceBands: readonly number[];
  readonly lowStock: readonly StockItem[];
}
