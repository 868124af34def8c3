import { describe, expect, it } from "vitest";
import { DayWindow, isoDay, parseIsoDay, todayIn, weekday } from "../../generator/calendar.js";
import { RowBuffer, token } from "../../generator/row-buffer.js";
import { money, tsvText } from "../../generator/tsv.js";

function written(fill: (row: RowBuffer) => void, chunkSize = 1 << 16): string {
  const chunks: Buffer[] = [];
  const row = new RowBuffer((chunk) => {
    chunks.push(Buffer.from(chunk));
    return true;
  }, chunkSize);
  fill(row);
  row.flush();
  return Buffer.concat(chunks).toString("utf8");
}

describe("RowBuffer", () => {
  it("writes integers, money, NULL, tokens and text as LOAD DATA fields", () => {
    const text = written((row) => {
      row.int(0).tab().int(7).tab().int(10).tab().int(2_147_483_000).tab().null().tab();
      row.money(0).tab().money(5).tab().money(4999).tab().money(123456).tab();
      row.token(token("Düsseldorf")).tab().text(tsvText("a\tb\\c")).end();
    });
    expect(text).toBe("0\t7\t10\t2147483000\t\\N\t0.00\t0.05\t49.99\t1234.56\tDüsseldorf\ta\\tb\\\\c\n");
  });

  it("writes wall-clock date-times of a window day", () => {
    const window = new DayWindow(parseIsoDay("2026-11-25") as number, 3);
    const text = written((row) => {
      row.dateTime(window.prefixBytes, 0, 0).tab().dateTime(window.prefixBytes, 2, 86_399).end();
    });
    expect(text).toBe("2026-11-23 00:00:00\t2026-11-25 23:59:59\n");
  });

  it("hands on full chunks without splitting a row and counts rows and bytes", () => {
    const chunks: string[] = [];
    const row = new RowBuffer((chunk) => {
      chunks.push(chunk.toString("utf8"));
      return false;
    }, 8192);
    for (let i = 0; i < 5000; i++) row.int(i).tab().money(i).end();
    row.flush();
    expect(chunks.length).toBeGreaterThan(2);
    for (const chunk of chunks) expect(chunk.endsWith("\n")).toBe(true);
    const lines = chunks.join("").split("\n");
    expect(lines).toHaveLength(5001);
    expect(lines[4321]).toBe("4321\t43.21");
    expect(row.rows).toBe(5000);
    expect(row.bytes).toBe(Buffer.byteLength(chunks.join("")));
  });
});

describe("text helpers", () => {
  it("formats cents and escapes free text", () => {
    expect(money(100)).toBe("1.00");
    expect(money(7)).toBe("0.07");
    expect(tsvText("plain")).toBe("plain");
    expect(tsvText("x\ny\r")).toBe("x\\ny\\r");
  });
});

describe("calendar", () => {
  it("parses only real dates and knows weekdays", () => {
    const day = parseIsoDay("2026-11-27") as number;
    expect(isoDay(day)).toBe("2026-11-27");
    expect(weekday(day)).toBe(5);
    expect(parseIsoDay("2026-02-30")).toBeUndefined();
    expect(parseIsoDay("26-11-27")).toBeUndefined();
  });

  it("takes today from the injected clock in the report time zone", () => {
    const instant = new Date("2026-11-25T23:30:00Z");
    expect(todayIn("UTC", instant)).toBe("2026-11-25");
    expect(todayIn("Europe/Berlin", instant)).toBe("2026-11-26");
    expect(todayIn("America/Los_Angeles", instant)).toBe("2026-11-25");
  });
});
