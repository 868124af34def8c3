/**
 * Rows written straight into a byte buffer in LOAD DATA text format (tab-separated, newline
 * per row, \N for NULL). Building a JavaScript string per row and encoding it spent half the
 * time in garbage collection; writing digits and pre-encoded tokens into a reused buffer
 * keeps the generator several times faster than the database can load.
 */
import { SECONDS_PER_DAY } from "./calendar.js";

const TAB = 9;
const NEWLINE = 10;
const ZERO = 48;
const DOT = 46;
const COLON = 58;
const BACKSLASH = 92;
const CAPITAL_N = 78;
/** Room kept free at the end of the buffer: no single row is longer. */
const ROW_MARGIN = 4096;

/** Pre-encoded text for values written often (enum values, city names). */
export function token(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, "utf8"));
}

export class RowBuffer {
  rows = 0;
  /** Bytes handed on so far. */
  bytes = 0;
  private buf: Buffer;
  private pos = 0;

  /**
   * @param emit receives each full chunk; returns true when the buffer may be reused at once
   *   (the chunk was copied or written out), false when the receiver keeps it.
   */
  constructor(
    private readonly emit: (chunk: Buffer) => boolean,
    private readonly size = 1 << 20,
  ) {
    this.buf = Buffer.allocUnsafe(size);
  }

  /** A non-negative integer below 2^31. */
  int(n: number): this {
    const b = this.buf;
    let end =
      this.pos +
      (n < 10
        ? 1
        : n < 100
          ? 2
          : n < 1000
            ? 3
            : n < 10000
              ? 4
              : n < 100000
                ? 5
                : n < 1e6
                  ? 6
                  : n < 1e7
                    ? 7
                    : n < 1e8
                      ? 8
                      : n < 1e9
                        ? 9
                        : 10);
    this.pos = end;
    while (n >= 10) {
      const q = (n / 10) | 0;
      b[--end] = ZERO + n - q * 10;
      n = q;
    }
    b[end - 1] = ZERO + n;
    return this;
  }

  /** Cents as a DECIMAL with two places: 4999 -> 49.99. */
  money(cents: number): this {
    const whole = (cents / 100) | 0;
    const fraction = cents - whole * 100;
    this.int(whole);
    const b = this.buf;
    const p = this.pos;
    b[p] = DOT;
    b[p + 1] = ZERO + ((fraction / 10) | 0);
    b[p + 2] = ZERO + (fraction % 10);
    this.pos = p + 3;
    return this;
  }

  token(bytes: Uint8Array): this {
    const b = this.buf;
    let p = this.pos;
    for (let i = 0; i < bytes.length; i++) b[p++] = bytes[i] as number;
    this.pos = p;
    return this;
  }

  /** Free text that is already escaped for the format (see tsvText). */
  text(value: string): this {
    this.pos += this.buf.write(value, this.pos, "utf8");
    return this;
  }

  /** "YYYY-MM-DD HH:MM:SS": day `index` of the prefix table, `second` of that day. */
  dateTime(prefixes: Uint8Array, index: number, second: number): this {
    const b = this.buf;
    let p = this.pos;
    const from = index * 11;
    for (let i = 0; i < 11; i++) b[p++] = prefixes[from + i] as number;
    const s = second < SECONDS_PER_DAY ? second : SECONDS_PER_DAY - 1;
    const h = (s / 3600) | 0;
    const rest = s - h * 3600;
    const m = (rest / 60) | 0;
    const sec = rest - m * 60;
    b[p] = ZERO + ((h / 10) | 0);
    b[p + 1] = ZERO + (h % 10);
    b[p + 2] = COLON;
    b[p + 3] = ZERO + ((m / 10) | 0);
    b[p + 4] = ZERO + (m % 10);
    b[p + 5] = COLON;
    b[p + 6] = ZERO + ((sec / 10) | 0);
    b[p + 7] = ZERO + (sec % 10);
    this.pos = p + 8;
    return this;
  }

  tab(): this {
    this.buf[this.pos++] = TAB;
    return this;
  }

  null(): this {
    const p = this.pos;
    this.buf[p] = BACKSLASH;
    this.buf[p + 1] = CAPITAL_N;
    this.pos = p + 2;
    return this;
  }

  /** Ends the row; hands the chunk on when the buffer is nearly full. */
  end(): void {
    this.buf[this.pos++] = NEWLINE;
    this.rows++;
    if (this.pos > this.size - ROW_MARGIN) this.flush();
  }

  flush(): void {
    if (this.pos === 0) return;
    const chunk = this.buf.subarray(0, this.pos);
    this.bytes += this.pos;
    this.pos = 0;
    if (!this.emit(chunk)) this.buf = Buffer.allocUnsafe(this.size);
  }
}
