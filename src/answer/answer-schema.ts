/**
 * The Answer JSON contract (DESIGN.md "The Answer") as a zod schema: what `kpi ask --json`
 * prints and what every renderer may rely on. Numbers are finite or null, never NaN.
 */
import { z } from "zod";
import { ACTION_KINDS } from "./actions.js";
import { COMPARISON_MODES, FILTER_KEYS, MAX_RANK_ROWS, PERIOD_WORDS, RANK_ORDERS } from "./query.js";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const unit = z.enum(["money", "count", "percent", "multiple", "days", "text"]);
const maybeNumber = z.number().finite().nullable();

export const kpiSchema = z.strictObject({
  key: z.string().regex(/^[a-z0-9_]+$/),
  label: z.string().min(1),
  value: maybeNumber,
  previous: maybeNumber,
  change: z
    .strictObject({ kind: z.enum(["relative", "points", "absolute"]), value: z.number().finite() })
    .nullable(),
  unit,
});

export const tableSchema = z
  .strictObject({
    key: z.string().regex(/^[a-z0-9_]+$/),
    title: z.string().optional(),
    columns: z.array(z.string().min(1)).min(1),
    units: z.array(unit).optional(),
    rows: z.array(z.array(z.union([z.string(), z.number().finite(), z.null()]))),
  })
  .refine((t) => t.rows.every((r) => r.length === t.columns.length), "every row has one cell per column")
  .refine((t) => !t.units || t.units.length === t.columns.length, "one unit per column");

export const chartSchema = z
  .strictObject({
    key: z.string().regex(/^[a-z0-9_]+$/),
    kind: z.enum(["bar", "horizontal-bar", "line", "doughnut", "funnel", "waterfall"]),
    title: z.string().min(1),
    labels: z.array(z.string()),
    series: z.array(z.strictObject({ name: z.string(), values: z.array(maybeNumber) })).min(1),
    unit: unit.optional(),
    subtitle: z.string().optional(),
  })
  .refine(
    (c) => c.series.every((s) => s.values.length === c.labels.length),
    "one value per label in every series",
  );

const periodSpec = z.union([
  z.strictObject({ kind: z.literal("relative"), word: z.enum(PERIOD_WORDS) }),
  z.strictObject({
    kind: z.literal("month"),
    year: z.number().int(),
    month: z.number().int().min(1).max(12),
  }),
  z.strictObject({ kind: z.literal("range"), from: isoDate, to: isoDate }),
]);

export const querySchema = z.strictObject({
  area: z.string().min(1),
  period: periodSpec,
  comparison: z.enum(COMPARISON_MODES),
  filters: z.partialRecord(z.enum(FILTER_KEYS), z.string().min(1)),
  explain: z
    .strictObject({
      kpi: z.string().regex(/^[a-z0-9_]+$/),
      by: z
        .string()
        .regex(/^[a-z0-9_]+$/)
        .optional(),
    })
    .optional(),
  rank: z
    .strictObject({
      by: z.string().regex(/^[a-z0-9_]+$/),
      order: z.enum(RANK_ORDERS),
      limit: z.number().int().min(1).max(MAX_RANK_ROWS).optional(),
    })
    .optional(),
});

export const actionSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9_-]+$/),
  kind: z.enum(ACTION_KINDS),
  label: z.string().min(1),
  query: querySchema,
  current: z.boolean().optional(),
});

const coverageState = z.enum(["full", "partial", "empty"]);

export const coverageSchema = z.strictObject({
  firstDay: isoDate.nullable(),
  lastDay: isoDate.nullable(),
  period: coverageState,
  comparison: coverageState.nullable(),
});

export const answerSchema = z.strictObject({
  area: z.string().min(1),
  title: z.string().min(1),
  period: z.strictObject({
    from: isoDate,
    to: isoDate,
    timezone: z.string().min(1),
    label: z.string().min(1),
  }),
  comparison: z.strictObject({ from: isoDate, to: isoDate }).nullable(),
  kpis: z.array(kpiSchema),
  tables: z.array(tableSchema),
  charts: z.array(chartSchema),
  notes: z.array(z.string()),
  query: querySchema,
  actions: z.array(actionSchema),
  coverage: coverageSchema.nullable(),
  reading: z
    .strictObject({ heard: z.string().min(1), echo: z.string().min(1), guesses: z.array(z.string()) })
    .optional(),
  explanation: z
    .strictObject({
      kpi: z.string().regex(/^[a-z0-9_]+$/),
      label: z.string().min(1),
      unit,
      kind: z.enum(["additive", "ratio"]),
      previous: maybeNumber,
      current: maybeNumber,
      change: maybeNumber,
      dimension: z.string().nullable(),
      weight: z.string().nullable(),
      drivers: z.array(
        z.strictObject({
          label: z.string(),
          contribution: z.number().finite(),
          rate: maybeNumber,
          mix: maybeNumber,
          previous: maybeNumber,
          current: maybeNumber,
        }),
      ),
      members: z.number().int().nonnegative(),
      rate: maybeNumber,
      mix: maybeNumber,
    })
    .optional(),
  goals: z
    .array(
      z.strictObject({
        kpi: z.string().regex(/^[a-z0-9_]+$/),
        label: z.string().min(1),
        unit,
        cadence: z.enum(["week", "month", "quarter"]),
        from: isoDate,
        to: isoDate,
        daysElapsed: z.number().finite().nonnegative(),
        daysTotal: z.number().int().positive(),
        target: z.number().finite(),
        actual: z.number().finite(),
        progress: z.number().finite(),
        projected: maybeNumber,
        filters: z.string(),
      }),
    )
    .optional(),
});
