/**
 * One cause, one finding in the engine: habits repeated on GROUP_MIN or more cells of a table get one
 * group key; a fallback rule yields to any other finding on its cell; supersedes drops what a
 * table-level finding explains.
 */
import { GROUP_MIN, runRules } from "../../src/core/rules/engine";
import { ruleById } from "../../src/core/rules/registry";
import type { Rule } from "../../src/core/rules/types";
import { GOOD_INDICATORS, ind, makeTable } from "../helpers/table";

const rules = (...ids: string[]) => ids.map((id) => ruleById(id)!);
const wordy = (n: number, sheet = "Sheet1") =>
  makeTable({
    sheet,
    indicators: [
      ...GOOD_INDICATORS.slice(0, 4),
      ...Array.from({ length: n }, (_, i) => ind("效益指标", "社会效益指标", `效益率${i + 1}`, "≥95百分比")),
      GOOD_INDICATORS[5],
    ],
  });

test(`a groupable message on ${GROUP_MIN} cells of a table is one group, keyed by the table's first cell`, () => {
  const issues = runRules([wordy(GROUP_MIN)], { rules: rules("unit-wording") });
  expect(issues).toHaveLength(GROUP_MIN);
  expect(new Set(issues.map((i) => i.group))).toEqual(new Set(["unit-wording:wordUnit@Sheet1!A2"]));
});

test(`fewer than ${GROUP_MIN} stay single`, () => {
  const issues = runRules([wordy(GROUP_MIN - 1)], { rules: rules("unit-wording") });
  expect(issues.map((i) => i.group)).toEqual([undefined, undefined]);
});

test("groups are per table: the same habit on two tables gives two keys", () => {
  const a = wordy(3, "表1");
  const b = wordy(3, "表2");
  const issues = runRules([a, b], { rules: rules("unit-wording") });
  expect(new Set(issues.map((i) => i.group)).size).toBe(2);
});

test("a rule without meta.groupable is never grouped", () => {
  const t = makeTable({ indicators: ["促进社会和谐", "推动经济发展", "助力乡村振兴"].map((n) => ind("效益指标", "社会效益指标", n, "≥95%")) });
  const issues = runRules([t], { rules: rules("vague-indicator") });
  expect(issues).toHaveLength(3);
  expect(issues.every((i) => i.group === undefined)).toBe(true);
});

test("value-unparsed yields to a specific finding on the same cell, and reports alone otherwise", () => {
  const t = makeTable({ indicators: [ind("产出指标", "数量指标", "是否按计划推进", "是否完成?"), ind("产出指标", "质量指标", "验收合格率", "见附件")] });
  const alone = runRules([t], { rules: rules("value-unparsed") });
  expect(alone.map((i) => i.cell)).toEqual(["F13", "F14"]);
  const fake: Rule = { meta: ruleById("value-missing")!.meta, check: (ctx) => ctx.report({ messageId: "missing", cell: "F13", data: { name: "x" } }) };
  const both = runRules([t], { rules: [...rules("value-unparsed"), fake] });
  expect(both.map((i) => [i.cell, i.rule])).toEqual([["F13", "value-missing"], ["F14", "value-unparsed"]]);
});
