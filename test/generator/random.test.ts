import { describe, expect, it } from "vitest";
import { deriveSeed, Random } from "../../generator/random.js";
import { WeightedTable } from "../../generator/weighted.js";

function draws(rng: Random, n: number): number[] {
  return Array.from({ length: n }, () => rng.u32());
}

describe("Random (sfc32)", () => {
  it("repeats the same sequence for the same stream and differs for another", () => {
    expect(draws(Random.stream(42, "day", 3), 20)).toEqual(draws(Random.stream(42, "day", 3), 20));
    expect(draws(Random.stream(42, "day", 3), 20)).not.toEqual(draws(Random.stream(42, "day", 4), 20));
    expect(draws(Random.stream(42, "day", 3), 20)).not.toEqual(draws(Random.stream(43, "day", 3), 20));
    expect(deriveSeed(42, "users")).not.toBe(deriveSeed(42, "products"));
  });

  it("draws floats in [0, 1) with a mean near one half", () => {
    const rng = Random.stream(1, "float");
    let sum = 0;
    let outside = 0;
    for (let i = 0; i < 50_000; i++) {
      const x = rng.float();
      if (x < 0 || x >= 1) outside++;
      sum += x;
    }
    expect(outside).toBe(0);
    expect(sum / 50_000).toBeCloseTo(0.5, 2);
  });

  it("samples Poisson and binomial counts with the right means", () => {
    const rng = Random.stream(7, "counts");
    const mean = (f: () => number) => {
      let s = 0;
      for (let i = 0; i < 20_000; i++) s += f();
      return s / 20_000;
    };
    expect(mean(() => rng.poisson(3.5))).toBeCloseTo(3.5, 1);
    expect(mean(() => rng.poisson(120)) / 120).toBeCloseTo(1, 1);
    expect(mean(() => rng.binomial(1000, 0.012)) / 12).toBeCloseTo(1, 1);
    expect(rng.binomial(5, 0)).toBe(0);
    expect(rng.binomial(5, 1)).toBe(5);
  });
});

describe("WeightedTable", () => {
  it("samples indexes in proportion to their weights and never a zero weight", () => {
    const table = new WeightedTable([1, 0, 3, 6]);
    const rng = Random.stream(9, "weights");
    const counts = new Int32Array(4);
    for (let i = 0; i < 40_000; i++) {
      const k = table.sample(rng);
      counts[k] = (counts[k] as number) + 1;
    }
    expect(counts[1]).toBe(0);
    expect((counts[0] as number) / 40_000).toBeCloseTo(0.1, 1);
    expect((counts[2] as number) / 40_000).toBeCloseTo(0.3, 1);
    expect((counts[3] as number) / 40_000).toBeCloseTo(0.6, 1);
  });

  it("rejects tables without a positive weight", () => {
    expect(() => new WeightedTable([0, 0])).toThrow(/positive weight/);
    expect(() => new WeightedTable([1, Number.NaN])).toThrow(/finite/);
  });
});
