/** What the traffic area reads: sessions, converting sessions, orders and revenue, by source and day. */

export interface TrafficSums {
  readonly sessions: number;
  readonly convertedSessions: number;
  readonly orders: number;
  readonly revenue: number;
}

export interface TrafficData {
  readonly totals: TrafficSums;
  readonly bySource: readonly (TrafficSums & { readonly source: string; readonly sourceName: string })[];
  readonly byDay: readonly {
    readonly day: string;
    readonly sessions: number;
    readonly convertedSessions: number;
  }[];
}
