/**
 * The load sequence, parents before children. Dimension tables stream straight from their
 * generators. Then the day-by-day simulation runs *inside* the sessions load: each time the
 * server wants more session rows, the next day is simulated; that day's orders, order lines,
 * payments and ad interactions go to spool files (they must wait for sessions and orders to be
 * committed, as foreign keys are checked), and are loaded afterwards; the interactions that name
 * no order load meanwhile, on a second connection. Products are loaded after the simulation so
 * that stock_qty is the stock left at the end.
 */
import type { Connection } from "../src/db/connect.js";
import { simulateDay } from "./day/simulate-day.js";
import {
  type DaySinks,
  IdCounters,
  INTERACTION_COLUMNS,
  ORDER_COLUMNS,
  ORDER_DETAIL_COLUMNS,
  PAYMENT_COLUMNS,
  SESSION_COLUMNS,
  type World,
} from "./day/world.js";
import { AD_COLUMNS, adLines } from "./entities/ads.js";
import { CAMPAIGN_COLUMNS, campaignLines } from "./entities/campaigns.js";
import { CATEGORY_COLUMNS, categoryLines, PRODUCT_COLUMNS, productLines } from "./entities/catalog.js";
import {
  PLATFORM_COLUMNS,
  PRICING_COLUMNS,
  platformLines,
  pricingLines,
  SOURCE_COLUMNS,
  sourceLines,
} from "./entities/reference-lines.js";
import { USER_COLUMNS, userLines } from "./entities/users.js";
import { PullStream } from "./load/pull-stream.js";
import { type FileSpool, SpoolDirectory } from "./load/spool.js";
import { type LoaderDeps, SplitTable, TableLoader, throwIfAborted } from "./load/table-loader.js";
import type { TableReport } from "./progress.js";
import { RowBuffer } from "./row-buffer.js";

/** Session rows are handed to the database in chunks of this size while days are simulated. */
const LIVE_CHUNK_BYTES = 256 * 1024;

export async function loadWorld(
  connection: Connection,
  world: World,
  deps: LoaderDeps,
): Promise<TableReport[]> {
  const load = new TableLoader(connection, deps);
  const { sizes } = world;
  await load.lines({ table: "product_categories", columns: CATEGORY_COLUMNS }, 16, categoryLines());
  const users = userLines(world.users, world.pools, world.window, world.seed);
  await load.lines({ table: "users", columns: USER_COLUMNS }, sizes.users, users);
  await load.lines({ table: "traffic_sources", columns: SOURCE_COLUMNS }, 8, sourceLines());
  await load.lines({ table: "ad_platforms", columns: PLATFORM_COLUMNS }, 5, platformLines());
  await load.lines({ table: "ad_pricing", columns: PRICING_COLUMNS }, 15, pricingLines());
  const campaigns = campaignLines(world.campaigns, world.window);
  await load.lines({ table: "campaigns", columns: CAMPAIGN_COLUMNS }, sizes.campaigns, campaigns);
  await load.lines({ table: "ads", columns: AD_COLUMNS }, sizes.ads, adLines(world.ads, world.window));

  const spools = await SpoolDirectory.create();
  try {
    const files = {
      orders: spools.spool("orders"),
      orderDetails: spools.spool("order_details"),
      payments: spools.spool("payments"),
      adInteractions: spools.spool("ad_interactions"),
      orderedInteractions: spools.spool("ad_interactions_ordered"),
    };
    const toFile = (spool: FileSpool) =>
      new RowBuffer((chunk) => {
        spool.write(chunk);
        return true;
      });
    let live: PullStream | undefined;
    const sinks: DaySinks = {
      sessions: new RowBuffer((chunk) => {
        live?.enqueue(chunk);
        return false;
      }, LIVE_CHUNK_BYTES),
      orders: toFile(files.orders),
      orderDetails: toFile(files.orderDetails),
      payments: toFile(files.payments),
      adInteractions: toFile(files.adInteractions),
      orderedInteractions: toFile(files.orderedInteractions),
    };
    const ids = new IdCounters();
    let index = 0;
    live = new PullStream(() => {
      throwIfAborted(deps.signal);
      if (index >= world.window.days) {
        for (const sink of Object.values(sinks)) sink.flush();
        files.adInteractions.close();
        return false;
      }
      simulateDay(world, sinks, ids, index++);
      return true;
    });
    const days = live;
    // The interactions that name no order reference only users and ads, loaded already: they load
    // on a connection of their own while the days are simulated, following their spool file as it
    // is written (the server's second core, idle while one connection loads the sessions). The
    // conversions, which name their order, load after the orders with the rest.
    const interactions = new SplitTable({ table: "ad_interactions", columns: INTERACTION_COLUMNS }, [
      { rows: sinks.adInteractions, spool: files.adInteractions },
      { rows: sinks.orderedInteractions, spool: files.orderedInteractions },
    ]);
    await load.sideBySide([
      async (main) => {
        const sessionRows = () => sinks.sessions.rows;
        const sessions = { table: "sessions", columns: SESSION_COLUMNS };
        await main.stream(sessions, sizes.sessions, days, sessionRows, sessionRows);
        const { onHand, reorderLevel } = world.stock;
        const products = productLines(world.catalog, world.window, onHand, reorderLevel);
        await main.lines({ table: "products", columns: PRODUCT_COLUMNS }, sizes.products, products);
        await main.spool({ table: "orders", columns: ORDER_COLUMNS }, sinks.orders, files.orders);
        await main.spool(
          { table: "order_details", columns: ORDER_DETAIL_COLUMNS },
          sinks.orderDetails,
          files.orderDetails,
        );
        await main.spool({ table: "payments", columns: PAYMENT_COLUMNS }, sinks.payments, files.payments);
        await main.spoolPart(interactions, 1);
      },
      (beside) => beside.spoolPart(interactions, 0, { follow: true }),
    ]);
  } finally {
    await spools.remove();
  }
  return load.reports;
}
