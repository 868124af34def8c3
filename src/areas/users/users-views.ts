/** Rows of the user views (db/views/), as the users area and the city filter read them. */

/** Per user (v_user_profiles, no personal data). */
export interface UserProfileRow {
  user_id: number;
  signup_date: string;
  city: string;
  country_code: string;
  gender: string;
  birth_year: number;
  device: string;
  platform: string;
}

/** Signed-in users with a session, by day (v_user_activity_daily). */
export interface UserActivityDailyRow {
  day: string;
  user_id: number;
  city: string;
  sessions: number;
}

/** Active users by day, city ('' = all) and days since their previous active day (capped). */
export interface UserReturnsDailyRow {
  city: string;
  day: string;
  gap: number;
  users: number;
}

export type ProfileDimension = "gender" | "birth_year" | "birth_date" | "device" | "platform" | "city";

/** Signups by day, city ('' = all) and profile value (v_signups_by_profile_daily); birth_date values are YYYY-MM-DD. */
export interface SignupsByProfileDailyRow {
  day: string;
  city: string;
  dimension: ProfileDimension;
  dim_value: string;
  users: number;
}

/** The same over all days (v_signups_by_profile_total). */
export type SignupsByProfileTotalRow = Omit<SignupsByProfileDailyRow, "day">;

export interface UserViews {
  v_user_profiles: UserProfileRow;
  v_user_activity_daily: UserActivityDailyRow;
  v_user_returns_daily: UserReturnsDailyRow;
  v_signups_by_profile_daily: SignupsByProfileDailyRow;
  v_signups_by_profile_total: SignupsByProfileTotalRow;
}
