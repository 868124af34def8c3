/**
 * The one chart theme: colours, the fixed colour of each ad platform, the bundled font
 * family and font sizes scaled to the image size (tuned for 1200×675, readable at 800×450).
 */

/** Family name under which the bundled DejaVu Sans files are registered (see chart-font.ts). */
export const FONT_FAMILY = "KpiDejaVuSans";

export const BACKGROUND_COLOUR = "#ffffff";
export const TEXT_COLOUR = "#1f2937";
export const MUTED_TEXT_COLOUR = "#6b7280";
export const GRID_COLOUR = "#e5e7eb";
export const ZERO_LINE_COLOUR = "#9ca3af";
export const OTHER_COLOUR = "#9ca3af";
/** Bars below break-even (ROAS under 1×): a pale red no platform's brand colour is, with a red edge. */
export const LOSS_FILL_COLOUR = "#fecaca";
export const LOSS_EDGE_COLOUR = "#dc2626";
export const FUNNEL_CONNECTOR_COLOUR = "#dbeafe";

/** Categorical palette for series and slices that are not ad platforms (colour-blind aware order). */
export const PALETTE: readonly string[] = [
  "#2563eb",
  "#f59e0b",
  "#10b981",
  "#ef4444",
  "#8b5cf6",
  "#06b6d4",
  "#ec4899",
  "#84cc16",
  "#f97316",
  "#64748b",
];

/** Funnel stages, darkest first; white count labels stay readable on every shade. */
export const FUNNEL_PALETTE: readonly string[] = [
  "#1e3a8a",
  "#1e40af",
  "#1d4ed8",
  "#2563eb",
  "#0369a1",
  "#0e7490",
];

/** Fixed colours per ad platform: brand-inspired, adjusted so that no two look alike on white. */
export const PLATFORM_COLOURS: Readonly<Record<string, string>> = {
  meta: "#1877f2",
  google: "#34a853",
  tiktok: "#111827",
  linkedin: "#0a3d7a",
  pinterest: "#e60023",
  snapchat: "#eab308",
  microsoft: "#f25022",
};

const PLATFORM_ALIASES: Readonly<Record<string, string>> = {
  facebook: "meta",
  instagram: "meta",
  "google ads": "google",
  youtube: "google",
  bing: "microsoft",
  "microsoft advertising": "microsoft",
};

/** The platform colour for a label such as "Meta", "meta ads" or "TikTok"; undefined if not a platform. */
export function platformColour(label: string): string | undefined {
  const name = label.trim().toLowerCase();
  const key = PLATFORM_ALIASES[name] ?? name.split(/[\s_-]+/)[0] ?? name;
  return PLATFORM_COLOURS[PLATFORM_ALIASES[key] ?? key];
}

/** True when every name (other than "Other") is an ad platform. */
export function allPlatforms(names: readonly string[]): boolean {
  const named = names.filter((name) => !isOther(name));
  return named.length > 0 && named.every((name) => platformColour(name) !== undefined);
}

/**
 * One colour per name (series or slice): platform colours when every name is an ad
 * platform, otherwise the palette in order. "Other" is always grey.
 */
export function coloursFor(names: readonly string[]): string[] {
  const platforms = allPlatforms(names);
  let next = 0;
  return names.map((name) => {
    if (isOther(name)) return OTHER_COLOUR;
    if (platforms) return platformColour(name) ?? OTHER_COLOUR;
    const colour = PALETTE[next % PALETTE.length] ?? OTHER_COLOUR;
    next += 1;
    return colour;
  });
}

/** Bar colours of a single-series chart: per platform when the labels are platforms, else one colour. */
export function singleSeriesColours(labels: readonly string[]): string[] {
  const platforms = allPlatforms(labels);
  const base = PALETTE[0] ?? OTHER_COLOUR;
  return labels.map((label) =>
    isOther(label) ? OTHER_COLOUR : platforms ? (platformColour(label) ?? base) : base,
  );
}

/** Label given to the summed tail of a long list. */
export const OTHER_LABEL = "Other";

function isOther(name: string): boolean {
  return name.startsWith(OTHER_LABEL);
}

export interface ChartSizes {
  readonly scale: number;
  readonly title: number;
  readonly subtitle: number;
  readonly tick: number;
  readonly legend: number;
  readonly valueLabel: number;
  readonly padding: number;
}

/** Font sizes and padding for an image size: tuned at 1200×675, with readable minimums. */
export function chartSizes(width: number, height: number): ChartSizes {
  const scale = Math.min(width / 1200, height / 675);
  // Text shrinks slower than the image, so small images (Teams) stay readable.
  const textScale = scale ** 0.6;
  const size = (base: number, min: number) => Math.max(min, Math.round(base * textScale));
  return {
    scale,
    title: size(28, 15),
    subtitle: size(17, 11),
    tick: size(17, 11),
    legend: size(17, 11),
    valueLabel: size(16, 10),
    padding: Math.max(8, Math.round(20 * scale)),
  };
}
