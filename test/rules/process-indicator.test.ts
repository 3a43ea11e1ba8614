import { rule } from "../../src/core/rules/process-indicator";
import { testRule } from "../helpers/rule-tester";
import { ind, makeTable } from "../helpers/table";
import { seedTable1, seedTable3 } from "./_seed-tables";

const one = (level1: string, level2: string, name: string, value = "≥95%") =>
  makeTable({ indicators: [ind(level1, level2, name, value)] });

// The 反例 rows of scripts/library/seed-indicators.tsv (both names of the combined rows) and other spellings.
const invalidNames: [string, string, string, string][] = [
  ["产出指标", "时效指标", "资金到位时间", "funds"],
  ["产出指标", "质量指标", "经费审批流程规范性", "compliance"],
  ["产出指标", "时效指标", "补助经费到位及时性", "funds"],
  ["产出指标", "时效指标", "资金拨付及时率", "funds"],
  ["产出指标", "数量指标", "资金拨付到位率", "funds"],
  ["产出指标", "质量指标", "资金使用合规性", "compliance"],
  ["产出指标", "时效指标", "预算执行率", "funds"],
  ["效益指标", "经济效益指标", "资金支出率", "funds"],
  ["产出指标", "数量指标", "科目调整次数", "accounting"],
  ["效益指标", "经济效益指标", "结余率", "accounting"],
  ["产出指标", "时效指标", "专项资金下达及时率", "funds"],
  ["产出指标", "质量指标", "资金使用规范合理", "compliance"],
  ["产出指标", "时效指标", "预算支出进度", "funds"],
  ["成本指标", "经济成本指标", "预算执行率", "funds"], // 101 form: cost as a 一级
  ["产出指标", "质量指标", "保证财政建设补助专款专用", "compliance"], // corpus hub-xiangyang-2021-dongjin-yuanqu C12
  ["产出指标", "质量指标", "补贴发放合规率", "compliance"], // corpus tj-ninghe-2020-minbanyuan-fangzu D10
  ["产出指标", "数量指标", "志鉴地情相关工作开展所需资金的供应时效", "funds"], // corpus fj-ningde-2019-dangshi-zhengti C14
  ["产出指标", "数量指标", "业务工作支出安排金额", "funds"], // corpus hn-yueyanglou-2023-jiagerenzheng-zhengti C7
  ["产出指标", "质量指标", "业务工作支出到位率", "funds"], // corpus hn-yueyanglou-2023-jiagerenzheng-zhengti C8
];

const validNames: [string, string, string][] = [
  ["产出指标", "时效指标", "工程款支付及时率"], // a legitimate 时效 indicator in the library
  ["产出指标", "时效指标", "支付资金时效"],
  ["产出指标", "数量指标", "补助资金发放人数"],
  ["效益指标", "经济效益指标", "带动社会资金投入"],
  ["效益指标", "社会效益指标", "资金使用效益"],
  ["产出指标", "成本指标", "会场布置总成本"],
  ["产出指标", "数量指标", "补贴发放人数"],
  ["产出指标", "质量指标", "补助发放准确率"],
  ["产出指标", "数量指标", "物资供应点数量"],
  ["效益指标", "社会效益指标", "人均医疗支出下降"],
];

testRule(rule, {
  valid: [
    { name: "the good table", table: makeTable() },
    ...validNames.map(([l1, l2, n]) => ({ name: `${l2} ${n}`, table: one(l1, l2, n) })),
    { name: "process measure under 满意度 is not this rule's", table: one("满意度指标", "服务对象满意度指标", "资金拨付及时率") },
    { name: "unrecognised 一级 (level1-unknown's)", table: one("过程指标", "资金管理", "资金到位率") },
    { name: "seed table 3", table: seedTable3() },
  ],
  invalid: [
    ...invalidNames.map(([l1, l2, n, id]) => ({
      name: `${l1}/${l2} ${n}`,
      table: one(l1, l2, n),
      expect: [["C13", id]] as [string, string][],
    })),
    {
      name: "seed table 1 (§f10): 资金拨付及时率, 资金拨付到位率, 资金使用合规性",
      table: seedTable1(),
      expect: [
        ["C14", "funds"],
        ["C16", "funds"],
        ["C17", "compliance"],
      ],
    },
  ],
});
