/** What the users area reads: total, new and active users, per day, and the profiles of everyone signed up. */
import type { CountAndAmount } from "../area-series.js";

/** What the comparison period needs: the figures of the KPIs. */
export interface UsersPrior {
  readonly totalUsers: number;
  readonly newUsers: number;
  readonly activeUsers: number;
}

export interface UsersData extends UsersPrior {
  readonly byDay: readonly {
    readonly day: string;
    readonly newUsers: number;
    readonly activeUsers: number;
  }[];
  readonly byGender: readonly CountAndAmount[];
  readonly byBirthYear: readonly CountAndAmount[];
  /** Users by birth date (YYYY-MM-DD), only in the birth years the age bands' edges fall in. */
  readonly byBirthDate: readonly CountAndAmount[];
  readonly byDevice: readonly CountAndAmount[];
  readonly byPlatform: readonly CountAndAmount[];
  readonly byCity: readonly CountAndAmount[];
}
