/**
 * The department-level rules (部门整体绩效目标), each table-driven: the seed's department part laid out
 * as a department table (domain §f, department level, items 1–5) and small synthetic cases.
 */
import type { ProjectTable } from "../../src/core/model/schema";
import { aimHeading, rule as aimUnmeasured } from "../../src/core/rules/aim-unmeasured";
import { rule as complianceFloor } from "../../src/core/rules/compliance-floor";
import { rule as departmentBudget } from "../../src/core/rules/department-budget";
import { rule as goalUncovered } from "../../src/core/rules/goal-uncovered";
import { rule as measuresUnrelated } from "../../src/core/rules/measures-unrelated";
import { rule as multiMeasure } from "../../src/core/rules/multi-measure";
import { rule as taskUnquantified } from "../../src/core/rules/task-unquantified";
import { rule as workDoneRate } from "../../src/core/rules/work-done-rate";
import { testRule } from "../helpers/rule-tester";
import { ind, makeTable, type TableSpec } from "../helpers/table";
import { rowOf, sampleTables, seedDepartmentTable } from "./_department";

type Parts = NonNullable<ProjectTable["department"]>;
function dept(spec: TableSpec = {}, parts: Partial<Parts> = {}): ProjectTable {
  return { ...makeTable(spec), kind: "department", department: { budget: [], tasks: [], measures: { value: null, cell: null }, ...parts } };
}
const task = (row: number, name: string, content: string): Parts["tasks"][number] => ({
  row,
  name: { value: name, cell: `B${row + 1}` },
  content: { value: content, cell: `C${row + 1}` },
  amount: { value: null, raw: null, cell: null },
});
const seed = seedDepartmentTable();
/** Rows of every 一级 after 产出: a table that does not end early (category-missing's tailMissing). */
const whole = [ind("效益指标", "社会效益指标", "受益企业满意率提升", "≥5%"), ind("满意度指标", "服务对象满意度指标", "企业满意度", "≥90%")];
const C = (name: string) => `C${rowOf(name)}`;

describe("work-done-rate (§f1)", () => {
  testRule(workDoneRate, {
    valid: [
      { name: "a project table with 完成率 100%", table: makeTable({ indicators: [ind("产出指标", "质量指标", "工作任务完成率", "100%")] }) },
      { name: "a counted output", table: dept({ indicators: [ind("产出指标", "数量指标", "上报信息条数", "80条")] }) },
      { name: "a rate below 100%", table: dept({ indicators: [ind("产出指标", "时效指标", "报表报送及时率", "≥95%")] }) },
    ],
    invalid: [
      {
        name: "the seed's department table: every 工作完成率 / 及时率 100% row",
        table: seed,
        expect: [
          "上传下达工作任务完成率",
          "文件档案整理工作完成率",
          "会议筹备及部门协调工作完成率",
          "农业、工业工作完成率",
          "账目入账工作完成率、报表报送及时率、预决算工作完成率",
          "投资项目审核、上报工作率完成",
          "辖区内工程建设和房产管理工作完成率",
          "招商项目工作任务完成率",
          "负责区内企业各类扶持奖励计划及各项优惠政策的申报争取工作完成率",
          "财政工作任务完成率",
          "辖区内企业等单位检查工作完成率",
          "安全监督工作任务完成率",
          "人才信息录入及管理工作任务完成率",
          "低保、五保、优抚金、救灾款等资金发放工作完成率",
        ]
          .map((n) => [C(n), "workDone"] as [string, string])
          .concat(seed.indicators.filter((r) => r.name.value === "报表报送及时率").map((r) => [`C${r.row + 1}`, "workDone"])),
      },
    ],
  });
});

describe("multi-measure on the seed's department table (§f2)", () => {
  testRule(multiMeasure, {
    valid: [],
    invalid: [
      {
        name: "two packed rows",
        table: seed,
        expect: [
          [C("账目入账工作完成率、报表报送及时率、预决算工作完成率"), "several"],
          [C("群众纠纷协调率、处理率、调解率"), "several"],
        ],
      },
    ],
  });
});

describe("compliance-floor (§f3)", () => {
  testRule(complianceFloor, {
    valid: [
      { name: "the good table", table: makeTable() },
      { name: "an accident count", table: dept({ indicators: [ind("产出指标", "质量指标", "安全生产事故起数", "=0起")] }) },
    ],
    invalid: [
      { name: "the seed: 不存在挪用、挤占、截留等现象", table: seed, expect: [[`D${rowOf("资金使用规范合理")}`, "floor"]] },
      { name: "in the name", table: makeTable({ indicators: [ind("产出指标", "质量指标", "杜绝挪用专项资金", "100%")] }), expect: [["C13", "floor"]] },
    ],
  });
});

describe("aim-unmeasured (§f, department aims)", () => {
  testRule(aimUnmeasured, {
    valid: [
      { name: "a project table", table: makeTable({ goal: "1、完善基础设施建设" }) },
      { name: "an aim with its indicator", table: dept({ goal: "1、完善基础设施建设。", indicators: [ind("产出指标", "数量指标", "基础设施改造项目数", "≥3个")] }) },
      {
        // fj-ningde-2019-dangshi-zhengti: the “目标2:” label is not read as the aim's words.
        name: "an aim labelled “目标2:” measured by its subject",
        table: dept({ goal: "目标2:对合作社区、退休人员及遗孀、困难群众进行一定程度的补助;", indicators: [...whole, ind("产出指标", "数量指标", "困难群众补助人数", "≥30人")] }),
      },
    ],
    invalid: [
      // 招商引资 has rows (招商活动); 基础设施, 项目建设 (no progress or completion count) and 蓝天碧水 none.
      // The seed's department indicators are all 产出: the rest may not have been copied, so hints.
      {
        name: "the seed (产出 only): aims 1, 3 and 4, as hints",
        table: seed,
        expect: [["B4", "unmeasuredPartial"], ["B4", "unmeasuredPartial"], ["B4", "unmeasuredPartial"]],
      },
      {
        name: "a whole table (产出, 效益, 满意度): an aim no row measures",
        table: dept({ goal: "1、完善基础设施建设。\n2、蓝天碧水净土行动。", indicators: [...whole, ind("产出指标", "数量指标", "基础设施改造项目数", "≥3个")] }),
        expect: [["B8", "unmeasured"]],
      },
      {
        // fj-ningde-2019-dangshi-zhengti B7: cut after 时效; the “目标2:” heading is stripped in the message.
        name: "a table ending after 产出 (a partial copy): a hint, the heading without “目标2:”",
        table: dept({ goal: "目标1:确保本室各人员工资及福利的发放;\n目标2:对合作社区、退休人员及遗孀、困难群众进行一定程度的补助;", indicators: [ind("产出指标", "数量指标", "按年度发放绩效奖", "≥60%")] }),
        expect: [["B8", "unmeasuredPartial"]],
      },
    ],
  });
  test("the heading drops numbering and an “目标2:” label", () => {
    expect(aimHeading("目标2:对合作社区、退休人员及遗孀、困难群众进行一定程度的补助;")).toBe("对合作社区、退休人员及遗孀、困难群众进行一定程度的补助");
    expect(aimHeading("1、完善基础设施建设。积极加强…")).toBe("完善基础设施建设");
    expect(aimHeading("目标管理考核全覆盖")).toBe("目标管理考核全覆盖");
  });
});

describe("task-unquantified (§f1, per 分项)", () => {
  const tasks = seed.department!.tasks;
  const cellOf = (name: string) => tasks.find((k) => k.name.value === name)!.name.cell!;
  testRule(taskUnquantified, {
    valid: [
      { name: "a counted task", table: dept({ indicators: [ind("产出指标", "数量指标", "组织人才培训次数", "≥4次")] }, { tasks: [task(5, "人才培训", "组织人才培训")] }) },
    ],
    invalid: [
      {
        // 社会事务服务 is missed: its content (民政信息任务上报) shares 上报/信息 with 上报信息80条 of another block.
        // The seed's department indicators are all 产出: the rest may not have been copied, so hints.
        name: "the seed (产出 only): 规划建设, 财政管理, 安全生产 have only 100% rates, as hints",
        table: seed,
        expect: [
          [cellOf("规划建设管理方面"), "unquantifiedPartial"],
          [cellOf("财政管理服务方面"), "unquantifiedPartial"],
          [cellOf("安全生产管理方面"), "unquantifiedPartial"],
        ],
      },
      { name: "no indicator at all", table: dept({}, { tasks: [task(5, "蓝天碧水净土行动", "涉气排放管控")] }), expect: [["B6", "unmeasured"]] },
      {
        name: "a whole table: a task with only a 100% rate",
        table: dept({ indicators: [...whole, ind("产出指标", "质量指标", "安全监督工作任务完成率", "100%")] }, { tasks: [task(5, "安全监督", "安全生产检查")] }),
        expect: [["B6", "unquantified"]],
      },
      {
        // fj-ningde-2019-dangshi-zhengti B11: 确保日常工作正常运行 100%; the 成本 row (基本支出) was cut away.
        name: "a table ending after 产出 (a partial copy): a hint",
        table: dept({ indicators: [ind("产出指标", "数量指标", "确保日常工作正常运行", "100%")] }, { tasks: [task(10, "确保日常工作正常运行", "按时发放2019年人员工资待遇")] }),
        expect: [["B11", "unquantifiedPartial"]],
      },
    ],
  });
});

describe("department-budget", () => {
  const withBudget = (value: number) =>
    dept({ budget: null }, { budget: [{ kind: "project", label: "项目支出", value, raw: String(value), cell: "C3" }] });
  testRule(departmentBudget, {
    valid: [
      { name: "the sample: 项目支出 = the three project tables", tables: sampleTables() },
      { name: "no project table", tables: [withBudget(100)] },
      { name: "equal in 万元 and 元", tables: [{ ...withBudget(20), moneyUnit: "万元" }, makeTable({ budget: 200000, moneyUnit: "元" })] },
    ],
    invalid: [
      { name: "project spending above the tables", tables: [withBudget(400000), makeTable({ budget: 200000 })], expect: [["C3", "mismatch"]], expectTable: 0 },
    ],
  });
});

describe("goal-uncovered", () => {
  const aims = dept({ goal: "1、抓好招商引资工作。\n2、全力推进项目建设。" });
  testRule(goalUncovered, {
    valid: [
      { name: "the sample's project goals serve 推进项目建设", tables: sampleTables() },
      { name: "no department table", tables: [makeTable({ goal: "完成老旧小区供暖管网改造" })] },
    ],
    invalid: [
      { name: "a goal no aim covers", tables: [aims, makeTable({ goal: "完成老旧小区供暖管网改造" })], expect: [["B8", "uncovered"]], expectTable: 1 },
    ],
  });
});

describe("measures-unrelated (§f5)", () => {
  const measures = (value: string) => ({ measures: { value, cell: "B13" } });
  testRule(measuresUnrelated, {
    valid: [
      { name: "own measures", table: dept({}, measures("建立重点项目包联制度，每月调度施工进度")) },
      { name: "a finance bureau", table: { ...dept({}, measures("强化征管，确保完成全年财政收入任务")), unitName: { value: "某县财政局", cell: "B2" } } },
    ],
    invalid: [{ name: "the seed: 强化征管", table: seed, expect: [["B13", "taxTemplate"]] }],
  });
});
