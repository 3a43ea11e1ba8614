/** Typed parameters (CLI options, pane fields) → profiles. */
import { PlanError, parseMilestones, parseMonthly, profileFromParams, type PlanParams } from "../../src/core/plan";

const key = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    if (e instanceof PlanError) return e.key;
    throw e;
  }
  return "no error";
};

describe("parseMilestones", () => {
  test.each<[string, ReturnType<typeof parseMilestones>]>([
    ["2024-03:30,2024-09:60,2024-12:10", [
      { year: 2024, month: 3, value: 30, unit: "%" },
      { year: 2024, month: 9, value: 60, unit: "%" },
      { year: 2024, month: 12, value: 10, unit: "%" },
    ]],
    ["2024/3:30%；2024年9月：60；2024.12-15:10", [
      { year: 2024, month: 3, value: 30, unit: "%" },
      { year: 2024, month: 9, value: 60, unit: "%" },
      { year: 2024, month: 12, value: 10, unit: "%" },
    ]],
    ["2024年3月15日:90万，2024-09-30:1800000元\n2025-01: 30万元", [
      { year: 2024, month: 3, value: 90, unit: "万元" },
      { year: 2024, month: 9, value: 1800000, unit: "元" },
      { year: 2025, month: 1, value: 30, unit: "万元" },
    ]],
    ["3月:40, 11 : 60", [
      { year: null, month: 3, value: 40, unit: "%" },
      { year: null, month: 11, value: 60, unit: "%" },
    ]],
    ["２０２４－０６：１００", [{ year: 2024, month: 6, value: 100, unit: "%" }]],
  ])("%s", (text, want) => {
    expect(parseMilestones(text)).toEqual(want);
  });

  test.each<[string, string]>([
    ["", "milestonesMissing"],
    [" , ", "milestonesMissing"],
    ["2024-13:100", "milestoneBad"],
    ["2024-03", "milestoneBad"],
    ["2024-03:abc", "milestoneBad"],
    ["2024-03:-5", "milestoneBad"],
    ["1999-03:100", "milestoneYear"],
    ["2024-03:30美元", "milestoneBad"],
  ])("bad: %p → %s", (text, k) => {
    expect(key(() => parseMilestones(text))).toBe(k);
  });
});

describe("parseMonthly", () => {
  test("twelve numbers, any separator, full-width digits", () => {
    expect(parseMonthly("0,0,10，10;10 10\t10,10,10,10,10,１０")).toEqual([0, 0, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10]);
    expect(parseMonthly("0.5,.5,1,1,1,1,1,1,1,1,1,1")[1]).toBe(0.5);
  });
  test.each<[string, string]>([
    ["", "monthlyMissing"],
    ["1,2,3", "monthlyCount"],
    ["1,1,1,1,1,1,1,1,1,1,1,1,1", "monthlyCount"],
    ["1,1,1,1,1,1,1,1,1,1,1,x", "monthlyBad"],
    ["1,1,1,1,1,1,1,1,1,1,1,-1", "monthlyBad"],
  ])("bad: %p → %s", (text, k) => {
    expect(key(() => parseMonthly(text))).toBe(k);
  });
});

describe("profileFromParams", () => {
  test.each<[PlanParams, unknown]>([
    [{ profile: "even" }, { kind: "even", start: 1, end: 12 }],
    [{ profile: "front", start: "3", end: "11月" }, { kind: "front", start: 3, end: 11 }],
    [{ profile: "back", start: 7, end: 18 }, { kind: "back", start: 7, end: 18 }],
    [{ profile: " once ", month: "６" }, { kind: "once", month: 6 }],
    [{ profile: "monthly", monthly: "1,1,1,1,1,1,1,1,1,1,1,1" }, { kind: "monthly", amounts: new Array(12).fill(1) }],
    [{ profile: "milestones", milestones: "3:100", year: "2024" }, { kind: "milestones", milestones: [{ year: null, month: 3, value: 100, unit: "%" }], budgetYear: 2024 }],
    [{ profile: "milestones", milestones: "2024-03:100" }, { kind: "milestones", milestones: [{ year: 2024, month: 3, value: 100, unit: "%" }] }],
    // parameters of other profiles are ignored
    [{ profile: "even", month: "x", milestones: "??" }, { kind: "even", start: 1, end: 12 }],
  ])("%j", (params, want) => {
    expect(profileFromParams(params)).toEqual(want);
  });

  test.each<[PlanParams, string]>([
    [{ profile: undefined }, "profileMissing"],
    [{ profile: " " }, "profileMissing"],
    [{ profile: "linear" }, "profileUnknown"],
    [{ profile: "even", start: "0" }, "startRange"],
    [{ profile: "even", start: "1.5" }, "startRange"],
    [{ profile: "even", end: "25" }, "endRange"],
    [{ profile: "even", start: "9", end: "3" }, "startAfterEnd"],
    [{ profile: "once" }, "monthMissing"],
    [{ profile: "once", month: "13" }, "monthRange"],
    [{ profile: "monthly" }, "monthlyMissing"],
    [{ profile: "milestones" }, "milestonesMissing"],
    [{ profile: "milestones", milestones: "3:100", year: "24" }, "badYear"],
  ])("bad %j → %s", (params, k) => {
    expect(key(() => profileFromParams(params))).toBe(k);
  });
});
