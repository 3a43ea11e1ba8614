import { rule } from "../../src/core/rules/name-equals-description";
import { testRule } from "../helpers/rule-tester";
import { ind, makeTable } from "../helpers/table";
import { seedTable1, seedTable3 } from "./_seed-tables";

const one = (name: string | null, description: string | null) =>
  makeTable({ indicators: [ind("产出指标", "质量指标", name, "≥95%", description)] });

testRule(rule, {
  valid: [
    { name: "the good table", table: makeTable() },
    { name: "a real description", table: one("验收合格率", "通过验收工程量占总工程量的比例") },
    { name: "description longer than the name", table: one("验收合格率", "验收合格率（按工程量计）") },
    { name: "empty description (not this rule's)", table: one("验收合格率", null) },
    { name: "both empty", table: one(null, null) },
    { name: "seed table 3", table: seedTable3() },
  ],
  invalid: [
    { name: "identical", table: one("项目验收合格率", "项目验收合格率"), expect: [["D13", "same"]] },
    { name: "only a trailing 。", table: one("项目验收合格率", "项目验收合格率。"), expect: [["D13", "same"]] },
    { name: "spaces and punctuation", table: one("群众 满意度", "群众满意度；"), expect: [["D13", "same"]] },
    { name: "full-width letters", table: one("ＰＭ2.5浓度", "PM2.5浓度"), expect: [["D13", "same"]] },
    {
      name: "seed table 1 (§f9): six repeated descriptions",
      table: seedTable1(),
      expect: [
        ["D13", "same"],
        ["D14", "same"],
        ["D16", "same"],
        ["D20", "same"],
        ["D21", "same"],
        ["D22", "same"],
      ],
    },
  ],
});
