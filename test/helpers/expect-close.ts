import { expect } from "vitest";

/** Equal within 1e-9 relative (floating sums of DECIMALs), or both null. */
export function expectClose(actual: number | null | undefined, expected: number | null, what: string): void {
  if (expected === null) {
    expect(actual, what).toBeNull();
    return;
  }
  expect(actual, what).not.toBeNull();
  const tolerance = 1e-9 * Math.max(1, Math.abs(expected));
  expect(Math.abs((actual as number) - expected), `${what}: ${actual} vs ${expected}`).toBeLessThanOrEqual(
    tolerance,
  );
}

/** numerator / denominator, or null for a zero denominator (the metric rule). */
export function div(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}
