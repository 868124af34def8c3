/** The buttons of an answer with a period, a comparison and a table, as every platform labels them. */
export const ANSWER_BUTTONS = [
  "7 days",
  "30 days",
  "90 days",
  "Month to date",
  "vs last year",
  "Download CSV",
];
