/** Day x traffic source (v_traffic_conversion), as the traffic area and the source filter read it. */
export interface TrafficConversionRow {
  day: string;
  source: string;
  source_name: string;
  is_paid: number;
  sessions: number;
  converted_sessions: number;
  orders: number;
  revenue: number;
}

export interface TrafficViews {
  v_traffic_conversion: TrafficConversionRow;
}
