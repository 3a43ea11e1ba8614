/**
 * Rounding of cumulative percentages. Each cumulative value is rounded on its own (half up) to
 * whole percents or one decimal. Rounding is a non-decreasing function, so a non-decreasing
 * sequence stays non-decreasing, 0–100 stays 0–100 and an exact 100 stays 100. A plan that ends
 * below 100% (cross-year) is capped one step below 100 (99 or 99.9) so that a remainder still to be
 * paid is never shown as 100%.
 */
import type { PlanDecimals } from "./types";

/** Half-up rounding to `decimals`, tolerant of binary noise (0.145 × 100 = 14.499999… rounds to 14.5). */
export function roundHalfUp(x: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(x * f + 1e-7) / f;
}

/** Tolerance below which an exact cumulative value counts as 100%. */
export const FULL_EPS = 1e-9;

/**
 * Rounds a cumulative percent series. Input: non-decreasing values within 0–100 (values outside
 * are clamped). Output: non-decreasing, within 0–100, ending at 100 exactly when the input does
 * (or, when `endsFull` is given, exactly when it is true).
 */
export function roundCumulative(exact: readonly number[], decimals: PlanDecimals = 0, endsFull?: boolean): number[] {
  const step = 10 ** -decimals;
  const last = exact.length ? exact[exact.length - 1] : 100;
  // `endsFull` (when the caller knows whether anything is paid after the last point) wins over the test.
  const full = endsFull ?? last >= 100 - FULL_EPS;
  const cap = full ? 100 : roundHalfUp(100 - step, decimals);
  return exact.map((x) => {
    const r = roundHalfUp(Math.min(100, Math.max(0, x)), decimals);
    return Math.min(r, cap);
  });
}
