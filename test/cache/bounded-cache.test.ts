/** The bounded cache: LRU by entries and bytes, single flight, failures not kept. No database. */
import { describe, expect, it } from "vitest";
import { BoundedCache, jsonBytes, stableKey } from "../../src/cache/bounded-cache.js";

const keepAll = (bytes: number) => () => bytes;

describe("BoundedCache", () => {
  it("keeps at most maxEntries, evicting the least recently used", async () => {
    const cache = new BoundedCache<string>({ maxEntries: 2, maxBytes: 1_000 });
    await cache.get("a", async () => "A", keepAll(1));
    await cache.get("b", async () => "B", keepAll(1));
    expect(cache.peek("a")).toBe("A"); // a is now the most recently used
    await cache.get("c", async () => "C", keepAll(1));
    expect(cache.peek("b")).toBeUndefined();
    expect(cache.peek("a")).toBe("A");
    expect(cache.peek("c")).toBe("C");
    expect(cache.stats()).toMatchObject({ entries: 2, bytes: 2, evictions: 1, misses: 3 });
  });

  it("keeps at most maxBytes; a value larger than the bound is served but not kept", async () => {
    const cache = new BoundedCache<string>({ maxEntries: 100, maxBytes: 10 });
    await cache.get("a", async () => "A", keepAll(4));
    await cache.get("b", async () => "B", keepAll(4));
    await cache.get("c", async () => "C", keepAll(4));
    expect(cache.stats()).toMatchObject({ entries: 2, bytes: 8, evictions: 1 });
    expect(cache.peek("a")).toBeUndefined();
    expect(await cache.get("huge", async () => "H", keepAll(11))).toBe("H");
    expect(cache.peek("huge")).toBeUndefined();
    expect(cache.stats()).toMatchObject({ entries: 2, bytes: 8 });
  });

  it("counts a hit for a kept value and computes it no more", async () => {
    const cache = new BoundedCache<number>({ maxEntries: 10, maxBytes: 100 });
    let runs = 0;
    const compute = async () => ++runs;
    expect(await cache.get("k", compute, keepAll(1))).toBe(1);
    expect(await cache.get("k", compute, keepAll(1))).toBe(1);
    expect(runs).toBe(1);
    expect(cache.stats()).toMatchObject({ hits: 1, misses: 1, shared: 0 });
  });

  it("shares one computation among concurrent asks for the same key (single flight)", async () => {
    const cache = new BoundedCache<object>({ maxEntries: 10, maxBytes: 100 });
    let runs = 0;
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const compute = async () => {
      runs += 1;
      await gate;
      return { run: runs };
    };
    const asks = Array.from({ length: 5 }, () => cache.get("k", compute, keepAll(1)));
    release();
    const values = await Promise.all(asks);
    expect(runs).toBe(1);
    for (const value of values) expect(value).toBe(values[0]);
    expect(cache.stats()).toMatchObject({ misses: 1, shared: 4, hits: 0, entries: 1 });
  });

  it("does not keep a failure, nor a value `keep` refuses", async () => {
    const cache = new BoundedCache<string>({ maxEntries: 10, maxBytes: 100 });
    await expect(cache.get("k", async () => Promise.reject(new Error("boom")), keepAll(1))).rejects.toThrow(
      "boom",
    );
    expect(
      await cache.get(
        "k",
        async () => "ok",
        () => undefined,
      ),
    ).toBe("ok");
    expect(cache.peek("k")).toBeUndefined();
    expect(await cache.get("k", async () => "kept", keepAll(1))).toBe("kept");
    expect(cache.peek("k")).toBe("kept");
    expect(cache.stats()).toMatchObject({ misses: 3, entries: 1 });
  });

  it("clear forgets every value", async () => {
    const cache = new BoundedCache<string>({ maxEntries: 10, maxBytes: 100 });
    await cache.get("a", async () => "A", keepAll(3));
    cache.clear();
    expect(cache.peek("a")).toBeUndefined();
    expect(cache.stats()).toMatchObject({ entries: 0, bytes: 0 });
  });
});

describe("stableKey and jsonBytes", () => {
  it("gives one key whatever the order of fields, and different keys for different values", () => {
    expect(stableKey({ a: 1, b: { c: [1, 2], d: null } })).toBe(
      stableKey({ b: { d: null, c: [1, 2] }, a: 1 }),
    );
    expect(stableKey({ a: 1 })).not.toBe(stableKey({ a: 2 }));
    expect(stableKey({ a: [1, 2] })).not.toBe(stableKey({ a: [2, 1] }));
  });

  it("measures a value's JSON (maps as their entries)", () => {
    expect(jsonBytes({ a: 1 })).toBe(2 * '{"a":1}'.length);
    expect(jsonBytes(new Map([["x", [1, null]]]))).toBe(2 * '[["x",[1,null]]]'.length);
  });
});
