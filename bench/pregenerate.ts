/**
 * The benchmark's baseline input: the very rows `kpi generate` would load, written to one
 * LOAD DATA file per table beforehand (not timed), in foreign-key order.
 */
import { closeSync, openSync, writeSync } from "node:fs";
import { join } from "node:path";
import { buildWorld } from "../generator/build-world.js";
import { simulateDay } from "../generator/day/simulate-day.js";
import {
  type DaySinks,
  IdCounters,
  INTERACTION_COLUMNS,
  ORDER_COLUMNS,
  ORDER_DETAIL_COLUMNS,
  PAYMENT_COLUMNS,
  SESSION_COLUMNS,
} from "../generator/day/world.js";
import { AD_COLUMNS, adLines } from "../generator/entities/ads.js";
import { CAMPAIGN_COLUMNS, campaignLines } from "../generator/entities/campaigns.js";
import {
  CATEGORY_COLUMNS,
  categoryLines,
  PRODUCT_COLUMNS,
  productLines,
} from "../generator/entities/catalog.js";
import {
  PLATFORM_COLUMNS,
  PRICING_COLUMNS,
  platformLines,
  pricingLines,
  SOURCE_COLUMNS,
  sourceLines,
} from "../generator/entities/reference-lines.js";
import { USER_COLUMNS, userLines } from "../generator/entities/users.js";
import type { GenerateOptions } from "../generator/options.js";
import { RowBuffer } from "../generator/row-buffer.js";

export interface TableFile {
  readonly table: string;
  readonly columns: readonly string[];
  readonly path: string;
  readonly rows: number;
}

class FileRows {
  private readonly fd: number;
  readonly buffer: RowBuffer;

  constructor(readonly path: string) {
    this.fd = openSync(path, "w");
    this.buffer = new RowBuffer((chunk) => {
      writeSync(this.fd, chunk);
      return true;
    });
  }

  lines(lines: Iterable<string>): this {
    for (const line of lines) {
      this.buffer.text(line.slice(0, -1)).end();
    }
    return this;
  }

  close(): number {
    this.buffer.flush();
    closeSync(this.fd);
    return this.buffer.rows;
  }
}

/** Writes every table's rows for `options` into `dir`; returns the files in load order. */
export function pregenerate(options: GenerateOptions, dir: string): TableFile[] {
  const world = buildWorld(options);
  const files: TableFile[] = [];
  const write = (table: string, columns: readonly string[], fill: (rows: FileRows) => void) => {
    const rows = new FileRows(join(dir, `${table}.tsv`));
    fill(rows);
    files.push({ table, columns, path: rows.path, rows: rows.close() });
  };
  write("product_categories", CATEGORY_COLUMNS, (f) => f.lines(categoryLines()));
  write("users", USER_COLUMNS, (f) => f.lines(userLines(world.users, world.pools, world.window, world.seed)));
  write("traffic_sources", SOURCE_COLUMNS, (f) => f.lines(sourceLines()));
  write("ad_platforms", PLATFORM_COLUMNS, (f) => f.lines(platformLines()));
  write("ad_pricing", PRICING_COLUMNS, (f) => f.lines(pricingLines()));
  write("campaigns", CAMPAIGN_COLUMNS, (f) => f.lines(campaignLines(world.campaigns, world.window)));
  write("ads", AD_COLUMNS, (f) => f.lines(adLines(world.ads, world.window)));

  const day = {
    sessions: new FileRows(join(dir, "sessions.tsv")),
    orders: new FileRows(join(dir, "orders.tsv")),
    orderDetails: new FileRows(join(dir, "order_details.tsv")),
    payments: new FileRows(join(dir, "payments.tsv")),
    adInteractions: new FileRows(join(dir, "ad_interactions.tsv")),
  };
  const sinks: DaySinks = {
    sessions: day.sessions.buffer,
    orders: day.orders.buffer,
    orderDetails: day.orderDetails.buffer,
    payments: day.payments.buffer,
    adInteractions: day.adInteractions.buffer,
    // One file for the baseline: conversions among the other interactions, in generation order.
    orderedInteractions: day.adInteractions.buffer,
  };
  const ids = new IdCounters();
  for (let index = 0; index < world.window.days; index++) simulateDay(world, sinks, ids, index);
  const done = (table: string, columns: readonly string[], rows: FileRows) => {
    files.push({ table, columns, path: rows.path, rows: rows.close() });
  };
  done("sessions", SESSION_COLUMNS, day.sessions);
  const { onHand, reorderLevel } = world.stock;
  write("products", PRODUCT_COLUMNS, (f) =>
    f.lines(productLines(world.catalog, world.window, onHand, reorderLevel)),
  );
  done("orders", ORDER_COLUMNS, day.orders);
  done("order_details", ORDER_DETAIL_COLUMNS, day.orderDetails);
  done("payments", PAYMENT_COLUMNS, day.payments);
  done("ad_interactions", INTERACTION_COLUMNS, day.adInteractions);
  return files;
}
