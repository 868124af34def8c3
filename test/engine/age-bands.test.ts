/**
 * Age bands of the users area on generated data: everyone signed up by the period's last day,
 * by age in completed years on that day, equal TIMESTAMPDIFF(YEAR, birth_date, last day) over
 * the users table — for periods ending in January, February (Feb 29 birthdays), June and
 * December, for all cities and for one city. Users born on the band edges and on Feb 29 are
 * added as late data first, so the incremental refresh is what keeps the rollup exact.
 */
import type { RowDataPacket } from "mysql2/promise";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Answer } from "../../src/answer/answer.js";
import { AGE_BANDS } from "../../src/areas/users/age-bands.js";
import { DB_DIR, readSqlDir } from "../../src/db/migrate/sql-files.js";
import { refreshDerived } from "../../src/db/refresh.js";
import type { Engine } from "../../src/engine/engine.js";
import { AS_OF, createGeneratedDatabase } from "../helpers/generated-database.js";
import type { TestDatabase } from "../helpers/test-database.js";
import { answerOf, testEngine } from "../helpers/test-engine.js";

let db: TestDatabase;
let engine: Engine;
let city: string;

/** Birthdays on each side of a band edge for the period ends below, and on Feb 29. */
const EDGE_BIRTHDAYS = [
  "2008-01-31", // 18 on 2026-01-31
  "2008-02-01", // 17 on 2026-01-31
  "1961-01-31", // 65 on 2026-01-31
  "1961-02-01", // 64 on 2026-01-31
  "2008-02-29", // 17 on 2026-02-28, 18 on 2026-03-01
  "1960-02-29", // 65 from 2025-03-01
  "1972-02-29", // 53 on 2026-02-28, 54 from 2026-03-01
  "2001-06-30", // 25 on 2026-06-30
  "2001-07-01", // 24 on 2026-06-30
  "1990-12-31", // 35 on 2025-12-31
  "1991-01-01", // 34 on 2025-12-31
];

beforeAll(async () => {
  db = await createGeneratedDatabase("kpi_ages");
  const [top] = await db.connection.query<RowDataPacket[]>(
    "SELECT city, country_code FROM users GROUP BY city, country_code ORDER BY COUNT(*) DESC, city LIMIT 1",
  );
  city = String(top[0]?.city);
  const [max] = await db.connection.query<RowDataPacket[]>("SELECT MAX(user_id) AS id FROM users");
  const first = Number(max[0]?.id) + 1;
  // Signed up on two days before every period asked below, one of them in each city group.
  const rows = EDGE_BIRTHDAYS.flatMap((birth, i) =>
    [0, 1].map((copy) => {
      const id = first + i * 2 + copy;
      return [
        id,
        `age-edge-${id}@example.test`,
        `Edge ${id}`,
        "unknown",
        birth,
        copy === 0 ? city : "Age Edge Town",
        String(top[0]?.country_code),
        "mobile",
        "web",
        copy === 0 ? "2025-11-20" : "2025-11-21",
      ];
    }),
  );
  await db.connection.query(
    "INSERT INTO users (user_id, email, full_name, gender, birth_date, city, country_code, device, platform, signup_date) VALUES ?",
    [rows],
  );
  await refreshDerived(db.connection, { full: false });
  engine = testEngine(db.url, AS_OF);
}, 180_000);

afterAll(async () => {
  await engine?.close();
  await db?.drop();
});

/** Users per band by completed years on `end`, from users.birth_date. */
async function expectedBands(end: string, inCity?: string): Promise<number[]> {
  const [rows] = await db.connection.query<RowDataPacket[]>(
    `SELECT TIMESTAMPDIFF(YEAR, birth_date, ?) AS age, COUNT(*) AS n
     FROM users WHERE signup_date <= ?${inCity === undefined ? "" : " AND city = ?"}
     GROUP BY age`,
    [end, end, ...(inCity === undefined ? [] : [inCity])],
  );
  const counts = AGE_BANDS.map(() => 0);
  for (const r of rows) {
    const band = AGE_BANDS.findLastIndex((b) => Number(r.age) >= b.min);
    counts[band] = (counts[band] ?? 0) + Number(r.n);
  }
  return counts;
}

function shownBands(answer: Answer): number[] {
  const chart = answer.charts.find((c) => c.key === "age_bands");
  if (!chart) throw new Error("no age_bands chart");
  expect(chart.labels).toEqual(AGE_BANDS.map((b) => b.label));
  return chart.series[0]?.values.map(Number) ?? [];
}

describe("users: age bands in completed years on the period's last day", () => {
  it.each([
    ["2025-12", "2025-12-31"],
    ["2026-01", "2026-01-31"],
    ["2026-02", "2026-02-28"],
    ["2026-06", "2026-06-30"],
    ["2026-03-01..2026-03-01", "2026-03-01"],
    ["last-30d", "2026-11-25"],
  ])("users %s (ends %s)", async (period, end) => {
    const answer = await answerOf(engine, `users ${period}`);
    expect(answer.period.to).toBe(end);
    const expected = await expectedBands(end);
    expect(shownBands(answer)).toEqual(expected);
    expect(expected.reduce((a, b) => a + b, 0)).toBe(answer.kpis.find((k) => k.key === "users")?.value);
  });

  it.each([["2026-01"], ["2026-06"], ["2025-12"]])("users %s in the largest city", async (period) => {
    const answer = await answerOf(engine, `users ${period} city="${city}"`);
    expect(shownBands(answer)).toEqual(await expectedBands(answer.period.to, city));
  });

  it("the reference: a Feb 29 birthday turns a year older on Mar 1 of a common year", async () => {
    const [rows] = await db.connection.query<RowDataPacket[]>(
      `SELECT TIMESTAMPDIFF(YEAR, '2008-02-29', '2026-02-28') AS before_day,
              TIMESTAMPDIFF(YEAR, '2008-02-29', '2026-03-01') AS after_day`,
    );
    // The test's reference (the server's TIMESTAMPDIFF) agrees with "completed years".
    expect([Number(rows[0]?.before_day), Number(rows[0]?.after_day)]).toEqual([17, 18]);
  });
});

describe("schema 100 fills the birth-date rows of a database rolled up before it", () => {
  it("gives the rows the refresh procedure writes", async () => {
    const birthRows = async () =>
      (
        await db.connection.query<RowDataPacket[]>(
          `SELECT 'd' AS t, day, city, dim_value, users FROM agg_signups_daily WHERE dimension = 'birth_date'
           UNION ALL
           SELECT 't', NULL, city, dim_value, users FROM agg_signups_total WHERE dimension = 'birth_date'
           ORDER BY 1, 2, 3, 4`,
        )
      )[0];
    const written = await birthRows();
    expect(written.length).toBeGreaterThan(0);
    await db.connection.query("DELETE FROM agg_signups_daily WHERE dimension = 'birth_date'");
    await db.connection.query("DELETE FROM agg_signups_total WHERE dimension = 'birth_date'");
    const schema = await readSqlDir(DB_DIR, "schema");
    const file = schema.find((f) => f.file.startsWith("100_"));
    if (!file) throw new Error("no schema file 100");
    await db.connection.query(file.sql);
    expect(await birthRows()).toEqual(written);
  });
});
