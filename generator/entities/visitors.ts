/**
 * Who is signed in on a visit. A user's pull on a day decays with the days since sign-up,
 * BASE + (1 - BASE) · (1 + age / TAU_DAYS)^-ALPHA: busy first days, a quick fall over the
 * first months, then a small long-term base. A loyal minority keeps a high pull for good.
 * So a month's active users are mostly the loyal few and the recent sign-ups (10–35% of all
 * users), and a sign-up cohort's monthly activity decays like real retention.
 *
 * Sampling is two-step and O(1) per visit: a bucket (one sign-up day's loyal or other users,
 * weighted by their pull that day, table rebuilt once per day), then a member uniformly.
 */
import { Random } from "../random.js";
import { WeightedTable } from "../weighted.js";
import type { UserBase } from "./users.js";

export const LOYAL_SHARE = 0.06;
const LOYAL_PULL = 2;
const BASE = 0.002;
const TAU_DAYS = 5;
const ALPHA = 1.5;

/** The pull of a user who is not loyal, `age` days after signing up (1 on the day itself). */
export function retentionPull(age: number): number {
  return BASE + (1 - BASE) * (1 + age / TAU_DAYS) ** -ALPHA;
}

export class VisitorPicker {
  /** User ids by sign-up day, each day's loyal users first. */
  private readonly members: Int32Array;
  /** Per sign-up day (cohort): its first position in `members`, its loyal count, its size. */
  private readonly cohortDay: Int32Array;
  private readonly cohortStart: Int32Array;
  private readonly cohortLoyal: Int32Array;
  private readonly cohortSize: Int32Array;
  private tableIndex = -1;
  private table: WeightedTable | undefined;

  constructor(
    users: UserBase,
    private readonly firstDay: number,
    seed: number,
  ) {
    const rng = Random.stream(seed, "user-loyalty");
    const { count, signupDay } = users;
    this.members = new Int32Array(count);
    const days: number[] = [];
    const starts: number[] = [];
    const loyals: number[] = [];
    const sizes: number[] = [];
    let u = 0;
    while (u < count) {
      const day = signupDay[u] as number;
      let end = u;
      while (end < count && signupDay[end] === day) end++;
      let loyal = u;
      let other = end;
      for (let k = u; k < end; k++) {
        if (rng.chance(LOYAL_SHARE)) this.members[loyal++] = k + 1;
        else this.members[--other] = k + 1;
      }
      days.push(day);
      starts.push(u);
      loyals.push(loyal - u);
      sizes.push(end - u);
      u = end;
    }
    this.cohortDay = Int32Array.from(days);
    this.cohortStart = Int32Array.from(starts);
    this.cohortLoyal = Int32Array.from(loyals);
    this.cohortSize = Int32Array.from(sizes);
  }

  /** A user who exists on window day `index`, by their pull that day; 0 when there is none. */
  sample(rng: Random, index: number): number {
    if (index !== this.tableIndex) this.buildTable(index);
    const table = this.table;
    if (table === undefined) return 0;
    const bucket = table.sample(rng);
    const cohort = bucket >> 1;
    const start = this.cohortStart[cohort] as number;
    const loyal = this.cohortLoyal[cohort] as number;
    const at =
      (bucket & 1) === 0
        ? start + rng.int(loyal)
        : start + loyal + rng.int((this.cohortSize[cohort] as number) - loyal);
    return this.members[at] as number;
  }

  private buildTable(index: number): void {
    this.tableIndex = index;
    const day = this.firstDay + index;
    let cohorts = 0;
    while (cohorts < this.cohortDay.length && (this.cohortDay[cohorts] as number) <= day) cohorts++;
    if (cohorts === 0) {
      this.table = undefined;
      return;
    }
    const weights = new Float64Array(cohorts * 2);
    for (let c = 0; c < cohorts; c++) {
      const loyal = this.cohortLoyal[c] as number;
      const others = (this.cohortSize[c] as number) - loyal;
      weights[2 * c] = loyal * LOYAL_PULL;
      weights[2 * c + 1] = others * retentionPull(day - (this.cohortDay[c] as number));
    }
    this.table = new WeightedTable(weights);
  }
}
