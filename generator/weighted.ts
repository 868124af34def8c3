/** Sampling an index in proportion to its weight in O(1): Vose's alias method, one draw per sample. */
import type { Random } from "./random.js";

export class WeightedTable {
  readonly size: number;
  private readonly prob: Float64Array;
  private readonly alias: Int32Array;

  constructor(weights: ArrayLike<number>) {
    const n = weights.length;
    let total = 0;
    for (let i = 0; i < n; i++) {
      const w = weights[i] ?? 0;
      if (!(w >= 0) || !Number.isFinite(w)) throw new Error(`weight ${i} is not a finite number >= 0: ${w}`);
      total += w;
    }
    if (n === 0 || total <= 0) throw new Error("a weighted table needs at least one positive weight");
    this.size = n;
    this.prob = new Float64Array(n);
    this.alias = new Int32Array(n);
    const scaled = new Float64Array(n);
    const small: number[] = [];
    const large: number[] = [];
    for (let i = 0; i < n; i++) {
      scaled[i] = ((weights[i] ?? 0) * n) / total;
      ((scaled[i] as number) < 1 ? small : large).push(i);
    }
    while (small.length > 0 && large.length > 0) {
      const s = small.pop() as number;
      const l = large.pop() as number;
      this.prob[s] = scaled[s] as number;
      this.alias[s] = l;
      scaled[l] = (scaled[l] as number) + (scaled[s] as number) - 1;
      ((scaled[l] as number) < 1 ? small : large).push(l);
    }
    for (const i of large) {
      this.prob[i] = 1;
      this.alias[i] = i;
    }
    for (const i of small) {
      this.prob[i] = 1;
      this.alias[i] = i;
    }
  }

  sample(rng: Random): number {
    const u = rng.float() * this.size;
    const i = Math.floor(u);
    return u - i < (this.prob[i] as number) ? i : (this.alias[i] as number);
  }
}

/** A weighted choice among labelled values, e.g. payment methods with their shares. */
export class WeightedChoice<T> {
  private readonly table: WeightedTable;

  constructor(private readonly entries: readonly (readonly [T, number])[]) {
    this.table = new WeightedTable(entries.map(([, w]) => w));
  }

  sample(rng: Random): T {
    return (this.entries[this.table.sample(rng)] as readonly [T, number])[0];
  }
}
