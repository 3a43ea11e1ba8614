/** Rounding of cumulative percentages and the plan in money. */
import { computePlan, percentOfBudget, roundCumulative, roundHalfUp, type PlanProfile } from "../../src/core/plan";

describe("roundHalfUp", () => {
  test.each<[number, number, number]>([
    [83.3333, 0, 83],
    [83.3333, 1, 83.3],
    [12.5, 0, 13],
    [0.5, 0, 1],
    [0.45, 1, 0.5],
    [14.499999999999998, 1, 14.5], // 0.145 × 100 in binary
    [99.95, 1, 100],
    [0, 0, 0],
  ])("roundHalfUp(%p, %p) = %p", (x, d, want) => {
    expect(roundHalfUp(x, d)).toBe(want);
  });
});

describe("roundCumulative", () => {
  test.each<[string, number[], 0 | 1, number[]]>([
    ["time progress", [25, 50, 83.333, 100], 0, [25, 50, 83, 100]],
    ["halves go up and stay in order", [12.5, 37.5, 62.5, 100], 0, [13, 38, 63, 100]],
    ["close values never cross", [49.5, 49.6, 50.4, 100], 0, [50, 50, 50, 100]],
    ["cross-year end below 100 is capped at 99", [99.2, 99.5, 99.7, 99.9], 0, [99, 99, 99, 99]],
    ["cross-year, one decimal: capped at 99.9", [99.2, 99.5, 99.94, 99.96], 1, [99.2, 99.5, 99.9, 99.9]],
    ["exact 100 stays 100", [100, 100, 100, 100], 0, [100, 100, 100, 100]],
    ["values outside 0–100 are clamped", [-0.2, 30, 100.4, 100], 0, [0, 30, 100, 100]],
    ["tiny shares round to 0", [0.3, 0.4, 0.49, 100], 0, [0, 0, 0, 100]],
  ])("%s", (_n, exact, d, want) => {
    expect(roundCumulative(exact, d)).toEqual(want);
  });
});

describe("money", () => {
  const even: PlanProfile = { kind: "even", start: 1, end: 12 };

  test("the seed's 基础设施 budget, even 1–12: rounded percentages × budget, and the exact schedule", () => {
    const r = computePlan(even, { budget: 3000000, unit: "元" });
    expect(r.money).toEqual({
      unit: "元",
      budget: 3000000,
      values: { m3: 750000, m6: 1500000, m10: 2490000, m12: 3000000 },
      exact: { m3: 750000, m6: 1500000, m10: 2500000, m12: 3000000 },
      series: [250000, 500000, 750000, 1000000, 1250000, 1500000, 1750000, 2000000, 2250000, 2500000, 2750000, 3000000],
    });
  });

  test("万元 to 0.0001, 元 to the fen, half up", () => {
    // front 1–12 = 42/73/96/100 %
    expect(computePlan({ kind: "front", start: 1, end: 12 }, { budget: 12.5, unit: "万元" }).money!.values).toEqual({ m3: 5.25, m6: 9.125, m10: 12, m12: 12.5 });
    expect(computePlan(even, { budget: 1, unit: "元" }).money!.values).toEqual({ m3: 0.25, m6: 0.5, m10: 0.83, m12: 1 });
    // 25% of one fen is 0.25 fen → 0; 50% → 0.5 fen → 1 fen (half up)
    expect(computePlan(even, { budget: 0.01, unit: "元" }).money!.values).toEqual({ m3: 0, m6: 0.01, m10: 0.01, m12: 0.01 });
    expect(computePlan(even, { budget: 0.0001, unit: "万元", decimals: 1 }).money!.values).toEqual({ m3: 0, m6: 0.0001, m10: 0.0001, m12: 0.0001 });
  });

  test("12月 equals the budget exactly when the plan ends at 100%", () => {
    for (const budget of [1234567.89, 0.07, 99999999999.99, 3309840])
      for (const kind of ["even", "front", "back"] as const) {
        const r = computePlan({ kind, start: 2, end: 11 }, { budget, unit: "元", decimals: 1 });
        expect(r.money!.values.m12).toBe(budget);
        expect(r.money!.exact.m12).toBe(budget);
      }
    expect(computePlan(even, { budget: 333.3333, unit: "万元" }).money!.values.m12).toBe(333.3333);
  });

  test("a budget with more decimals than the unit keeps is taken at the unit's precision", () => {
    expect(computePlan(even, { budget: 100.005, unit: "元" }).money!.budget).toBe(100.01);
  });

  test("cross-year: the December amount is the share paid this year", () => {
    const r = computePlan({ kind: "even", start: 7, end: 18 }, { budget: 2400000, unit: "元", crossYear: true });
    expect(r.money!.values).toEqual({ m3: 0, m6: 0, m10: 792000, m12: 1200000 });
    expect(r.money!.exact.m10).toBe(800000);
  });

  test.each<[number, number, number]>([
    [83, 3000000, 2490000],
    [83.3, 3000000, 2499000],
    [33.3, 0.1, 0.03],
    [100, 7.77, 7.77],
  ])("percentOfBudget(%p%% of %p 元) = %p", (p, b, want) => {
    expect(percentOfBudget(p, b, "元", 1)).toBe(want);
  });
});
