/** checkPlan: the engine's plan rules over plan values, plus the 序时进度 floor. */
import { checkPlan, computePlan, planRules, FLOOR_CHECK_ID, type PlanCellValues } from "../../src/core/plan";
import { makeTable } from "../helpers/table";

const P = (m3: number | null, m6: number | null, m10: number | null, m12: number | null): PlanCellValues => ({ m3, m6, m10, m12 });
const pairs = (issues: ReturnType<typeof checkPlan>) => issues.map((i) => [i.rule, i.messageId, i.key, i.severity]);

describe("checkPlan", () => {
  test("uses every registered plan rule", () => {
    expect(planRules().map((r) => r.meta.id).sort()).toEqual(["plan-blank", "plan-decreasing", "plan-front-loaded", "plan-not-100", "plan-range"]);
  });

  test.each<[string, PlanCellValues, { crossYear?: boolean; recurring?: boolean; floorM6?: number }, (string | null)[][]]>([
    ["time progress is clean", P(25, 50, 83, 100), {}, []],
    ["decreasing", P(30, 20, 80, 100), {}, [["plan-decreasing", "decreasing", "m6", "error"]]],
    ["not 100 at the end", P(25, 50, 80, 90), {}, [["plan-not-100", "not100", "m12", "warning"]]], // under the severity policy: a shortfall is sent back, not a contradiction
    ["cross-year may end below 100", P(25, 50, 80, 90), { crossYear: true }, []],
    ["out of range", P(25, 50, 120, 100), {}, [["plan-range", "outOfRange", "m10", "error"], ["plan-decreasing", "decreasing", "m12", "error"]]],
    ["blank checkpoint", P(null, 50, 90, 100), {}, [["plan-blank", "blank", "m3", "warning"]]],
    ["all in Q1", P(100, 100, 100, 100), {}, [["plan-front-loaded", "allInQ1", "m3", "info"]]],
    ["recurring, below 50% by June", P(10, 40, 80, 100), { recurring: true }, [[FLOOR_CHECK_ID, "belowFloor", "m6", "info"]]],
    ["recurring, 50% by June", P(10, 50, 80, 100), { recurring: true }, []],
    ["not recurring: no floor", P(10, 40, 80, 100), {}, []],
    ["explicit floor 60", P(10, 50, 80, 100), { floorM6: 60 }, [[FLOOR_CHECK_ID, "belowFloor", "m6", "info"]]],
    ["blank June counts as 0 for the floor", P(0, null, 80, 100), { recurring: true }, [["plan-blank", "blank", "m6", "warning"], [FLOOR_CHECK_ID, "belowFloor", "m6", "info"]]],
  ])("%s", (_n, values, opts, want) => {
    const got = checkPlan(values, opts);
    expect(pairs(got).sort()).toEqual([...want].sort());
    for (const i of got) expect(i.cell).toBeNull();
  });

  test("floors per checkpoint (the full time yardstick)", () => {
    const got = checkPlan(P(20, 50, 80, 100), { floors: { m3: 25, m6: 50, m10: 83.33 } });
    expect(got.map((i) => i.key)).toEqual(["m3", "m10"]);
  });

  test("messages come from the catalogs in the chosen language", () => {
    const [zh] = checkPlan(P(10, 40, 80, 100), { recurring: true });
    expect(zh.message).toContain("6月底");
    expect(zh.message).toContain("50%");
    const [en] = checkPlan(P(10, 40, 80, 100), { recurring: true, locale: "en" });
    expect(en.message).toContain("time-progress yardstick of 50%");
    const [decEn] = checkPlan(P(30, 20, 80, 100), { locale: "en" });
    const [decZh] = checkPlan(P(30, 20, 80, 100));
    expect(decEn.message).not.toBe(decZh.message);
    expect(decEn.message).toContain("20%");
  });

  test("on a table: issues carry its sheet, plan cells and the table's cross-year flag", () => {
    const table = makeTable({ sheet: "项目3", plan: [null, 50, 90, 100] });
    const got = checkPlan(P(30, 20, 80, 100), { table, tableIndex: 2 });
    expect(got.map((i) => [i.sheet, i.cell, i.key, i.table])).toEqual([["项目3", table.plan!.m6.cell, "m6", 2]]);
    const cross = makeTable({ plan: [null, 50, 90, 100], crossYear: true });
    expect(checkPlan(P(25, 50, 80, 90), { table: cross })).toEqual([]);
    expect(checkPlan(P(25, 50, 80, 90), { table: cross, crossYear: false }).map((i) => i.messageId)).toEqual(["not100"]);
  });

  test("every computed plan passes the plan rules (one-year and cross-year)", () => {
    for (const kind of ["even", "front", "back"] as const)
      for (let start = 4; start <= 12; start += 4)
        for (const end of [start, 12, start + 9]) {
          const crossYear = end > 12;
          const r = computePlan({ kind, start, end }, { crossYear });
          expect(checkPlan(r.values, { crossYear }).filter((i) => i.severity !== "info")).toEqual([]);
        }
  });
});
