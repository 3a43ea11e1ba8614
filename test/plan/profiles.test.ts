/** Table-driven tests of the profiles: the four rounded and exact percentages, notes and errors. */
import { computePlan, computePlanForTable, PlanError, type PlanOptions, type PlanProfile, type PlanValues } from "../../src/core/plan";
import { parseMilestones } from "../../src/core/plan";

type Row = [name: string, profile: PlanProfile, opts: PlanOptions, values: [number, number, number, number], exact?: [number, number, number, number]];

const v = (p: PlanValues) => [p.m3, p.m6, p.m10, p.m12];
const ms = (text: string, budgetYear?: number): PlanProfile =>
  budgetYear === undefined ? { kind: "milestones", milestones: parseMilestones(text) } : { kind: "milestones", milestones: parseMilestones(text), budgetYear };

describe("computePlan per profile", () => {
  // Derivations: even 1–12 = k/12 at month k; front 1–12 weights 12..1 (total 78), back 1..12:
  // front: 33/78, 57/78, 75/78; back: 6/78, 21/78, 55/78.
  test.each<Row>([
    ["even 1–12 (time progress)", { kind: "even", start: 1, end: 12 }, {}, [25, 50, 83, 100], [25, 50, (100 * 10) / 12, 100]],
    ["even 1–12, one decimal", { kind: "even", start: 1, end: 12 }, { decimals: 1 }, [25, 50, 83.3, 100]],
    ["even 4–9", { kind: "even", start: 4, end: 9 }, {}, [0, 50, 100, 100]],
    ["even 3–3 (one month)", { kind: "even", start: 3, end: 3 }, {}, [100, 100, 100, 100]],
    ["even 7–12", { kind: "even", start: 7, end: 12 }, {}, [0, 0, 67, 100], [0, 0, (100 * 4) / 6, 100]],
    ["even 7–18, cross-year", { kind: "even", start: 7, end: 18 }, { crossYear: true }, [0, 0, 33, 50], [0, 0, (100 * 4) / 12, 50]],
    ["front 1–12", { kind: "front", start: 1, end: 12 }, {}, [42, 73, 96, 100], [(100 * 33) / 78, (100 * 57) / 78, (100 * 75) / 78, 100]],
    ["front 1–12, one decimal", { kind: "front", start: 1, end: 12 }, { decimals: 1 }, [42.3, 73.1, 96.2, 100]],
    ["front 1–3 (all in Q1)", { kind: "front", start: 1, end: 3 }, {}, [100, 100, 100, 100]],
    ["front 5–8: weights 4,3,2,1", { kind: "front", start: 5, end: 8 }, {}, [0, 70, 100, 100]],
    ["back 1–12", { kind: "back", start: 1, end: 12 }, {}, [8, 27, 71, 100], [(100 * 6) / 78, (100 * 21) / 78, (100 * 55) / 78, 100]],
    ["back 2–5: weights 1,2,3,4", { kind: "back", start: 2, end: 5 }, {}, [30, 100, 100, 100]],
    ["back 11–14, cross-year: weights 1,2 this year of 10", { kind: "back", start: 11, end: 14 }, { crossYear: true }, [0, 0, 0, 30]],
    ["once in June", { kind: "once", month: 6 }, {}, [0, 100, 100, 100]],
    ["once in December", { kind: "once", month: 12 }, {}, [0, 0, 0, 100]],
    ["once in March", { kind: "once", month: 3 }, {}, [100, 100, 100, 100]],
    ["monthly: nothing in Q1, then 10 a month", { kind: "monthly", amounts: [0, 0, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10] }, {}, [10, 40, 80, 100]],
    ["monthly: amounts in 元", { kind: "monthly", amounts: [0, 0, 0, 500000, 0, 1000000, 0, 0, 0, 1000000, 0, 500000] }, {}, [0, 50, 83, 100]],
    ["monthly: thirds, one decimal", { kind: "monthly", amounts: [1, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0] }, { decimals: 1 }, [33.3, 66.7, 100, 100]],
    ["milestones: shares 30/60/10", ms("2024-03:30,2024-09:60,2024-12:10"), {}, [30, 30, 90, 100]],
    ["milestones: amounts 90万/180万/30万", ms("2024-03:90万,2024-09:180万,2024-12:30万"), {}, [30, 30, 90, 100]],
    ["milestones: amounts in 元 and 万元 mixed units", ms("2024-03:900000元,2024-09:180万元,2024-12:300000元"), {}, [30, 30, 90, 100]],
    ["milestones: month only, same month twice", ms("3:20,3:20,11:60"), {}, [40, 40, 40, 100]],
    ["milestones: before the budget year count as paid", ms("2023-11:30,2024-06:70", 2024), {}, [30, 100, 100, 100]],
    ["milestones: default budget year = earliest, rest cross-year", ms("2023-11:30,2024-06:70"), { crossYear: true }, [0, 0, 0, 30]],
    ["milestones: after December, cross-year allowed", ms("2024-03:30,2024-09:60,2025-03:10"), { crossYear: true }, [30, 30, 90, 90]],
    ["milestones: 99.6% by December rounds down to 99 when cross-year", ms("2024-01:99.6,2025-01:0.4"), { crossYear: true }, [99, 99, 99, 99]],
    ["milestones: 99.6% by December, one decimal", ms("2024-01:99.6,2025-01:0.4"), { crossYear: true, decimals: 1 }, [99.6, 99.6, 99.6, 99.6]],
    ["milestones: half-up rounding 12.5 → 13", ms("2024-02:12.5,2024-05:25,2024-08:25,2024-12:37.5"), {}, [13, 38, 63, 100]],
  ])("%s", (...row) => {
    // (a rest parameter: jest would take a fifth declared parameter for a done callback)
    const [, profile, opts, values, exact] = row;
    const r = computePlan(profile, opts);
    expect(v(r.values)).toEqual(values);
    if (exact) v(r.exact).forEach((x, i) => expect(x).toBeCloseTo(exact[i], 9));
    expect(r.series).toHaveLength(12);
    expect(r.series[11]).toBeCloseTo(r.exact.m12, 2);
    expect(r.crossYear).toBe(values[3] < 100);
  });

  test("the monthly series of even 1–12 is k/12 at each month end", () => {
    const r = computePlan({ kind: "even", start: 1, end: 12 });
    expect(r.series).toEqual(Array.from({ length: 12 }, (_, i) => Math.round(((i + 1) / 12) * 10000) / 100));
  });

  test("before/after shares and notes", () => {
    const r = computePlan(ms("2023-11:30,2024-06:50,2025-02:20", 2024), { crossYear: true });
    expect(r.before).toBe(30);
    expect(r.after).toBe(20);
    expect(v(r.values)).toEqual([30, 80, 80, 80]);
    expect(r.notes.map((n) => n.key)).toEqual(["paidBefore", "crossYearShare"]);
    expect(r.notes[0].data).toEqual({ share: "30" });
  });

  test("amounts that differ from the budget are used by proportion, with a note", () => {
    const r = computePlan(ms("2024-03:100万,2024-09:100万"), { budget: 3000000, unit: "元" });
    expect(v(r.values)).toEqual([50, 50, 100, 100]);
    expect(r.notes).toEqual([{ key: "amountMismatch", data: { total: "2000000", budget: "3000000", unit: "元" } }]);
    const monthly = computePlan({ kind: "monthly", amounts: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1] }, { budget: 300, unit: "万元" });
    expect(monthly.notes.map((n) => n.key)).toEqual(["amountMismatch"]);
    const exact = computePlan(ms("2024-03:150万,2024-09:150万"), { budget: 3000000, unit: "元" });
    expect(exact.notes).toEqual([]);
  });

  test.each<[string, PlanProfile, PlanOptions, string]>([
    ["cross-year spread without the flag", { kind: "even", start: 7, end: 18 }, {}, "crossYearNotAllowed"],
    ["cross-year milestone without the flag", ms("2024-03:90,2025-03:10"), {}, "crossYearNotAllowed"],
    ["start after end", { kind: "even", start: 9, end: 3 }, {}, "startAfterEnd"],
    ["start 0", { kind: "front", start: 0, end: 3 }, {}, "startRange"],
    ["start 13", { kind: "back", start: 13, end: 14 }, {}, "startRange"],
    ["end 25", { kind: "even", start: 1, end: 25 }, {}, "endRange"],
    ["fractional month", { kind: "even", start: 1.5, end: 12 }, {}, "startRange"],
    ["once in month 13", { kind: "once", month: 13 }, {}, "monthRange"],
    ["monthly with 11 amounts", { kind: "monthly", amounts: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1] }, {}, "monthlyCount"],
    ["monthly with a negative amount", { kind: "monthly", amounts: [1, 1, -1, 1, 1, 1, 1, 1, 1, 1, 1, 1] }, {}, "negative"],
    ["monthly all zero", { kind: "monthly", amounts: new Array(12).fill(0) }, {}, "zeroTotal"],
    ["shares adding up to 95", ms("2024-03:30,2024-09:60,2024-12:5"), {}, "sharesNot100"],
    ["shares mixed with amounts", ms("2024-03:30,2024-09:60万"), {}, "milestonesMixed"],
    ["no milestones", { kind: "milestones", milestones: [] }, {}, "milestonesMissing"],
    ["milestone month 0", { kind: "milestones", milestones: [{ year: 2024, month: 0, value: 100, unit: "%" }] }, {}, "milestoneBad"],
    ["budget 0", { kind: "even", start: 1, end: 12 }, { budget: 0 }, "badBudget"],
    ["budget NaN", { kind: "even", start: 1, end: 12 }, { budget: NaN }, "badBudget"],
    ["decimals 2", { kind: "even", start: 1, end: 12 }, { decimals: 2 as 0 }, "badDecimals"],
  ])("error: %s", (_name, profile, opts, key) => {
    let err: unknown;
    try {
      computePlan(profile, opts);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(PlanError);
    expect((err as PlanError).key).toBe(key);
  });

  test("the cross-year error names the share paid after December", () => {
    expect(() => computePlan({ kind: "even", start: 7, end: 18 })).toThrow(expect.objectContaining({ key: "crossYearNotAllowed", data: { share: "50" } }));
  });
});

describe("computePlanForTable", () => {
  test("takes the budget, unit and cross-year flag of the table; options override", () => {
    const table = { budget: { total: { value: 250 } }, moneyUnit: "万元" as const, crossYear: true };
    const r = computePlanForTable(table, { kind: "even", start: 7, end: 18 });
    expect(r.money).toEqual(expect.objectContaining({ unit: "万元", budget: 250, values: { m3: 0, m6: 0, m10: 82.5, m12: 125 } }));
    expect(() => computePlanForTable(table, { kind: "even", start: 7, end: 18 }, { crossYear: false })).toThrow(PlanError);
    const noBudget = computePlanForTable({ budget: { total: { value: null } }, moneyUnit: null, crossYear: false }, { kind: "once", month: 6 });
    expect(noBudget.money).toBeNull();
  });
});
