import { analyzeGrids } from "../../src/core/analyze";
import { CellGrid, type CellValue } from "../../src/core/grid/cellgrid";
import { stackedSeedGrid } from "../fixtures/seed-grid";

function grid(rows: CellValue[][], merges: { top: number; left: number; bottom: number; right: number }[] = []): CellGrid {
  const width = Math.max(...rows.map((r) => r.length));
  const values = rows.map((r) => [...r, ...new Array<CellValue>(width - r.length).fill(null)]);
  return new CellGrid({ sheet: "部门", originRow: 0, originCol: 0, values, merges });
}

const DEPT_ROWS: CellValue[][] = [
  ["部门整体支出绩效目标表"],
  ["部门（单位）名称", "某某管理处", null, "单位：万元"],
  ["年度预算", "资金总额", 500],
  [null, "基本支出", 320],
  [null, "项目支出", 180],
  ["年度总体目标", "1、完善基础设施建设；\n2、抓好招商引资工作。"],
  ["年度主要任务", "任务名称", "主要内容", "预算金额"],
  [null, "招商投资促进", "组织参与招商活动", 30],
  [null, "人才培训", "组织人才培训", 12.5],
  ["工作保障措施", "加强内部监督"],
  ["一级指标", "二级指标", "三级指标", "指标值"],
  ["产出指标", "数量指标", "组织参与招商活动次数", "≥5次"],
  [null, null, "组织人才培训次数", "≥4次"],
];

test("a 部门整体支出绩效目标表 is a department table with its budget lines, aims, tasks and measures", () => {
  const g = grid(DEPT_ROWS, [{ top: 2, left: 0, bottom: 4, right: 0 }, { top: 6, left: 0, bottom: 8, right: 0 }]);
  const { tables } = analyzeGrids([g]);
  expect(tables).toHaveLength(1);
  const t = tables[0];
  expect(t.kind).toBe("department");
  expect(t.department!.budget.map((b) => [b.kind, b.value, b.cell])).toEqual([
    ["total", 500, "C3"],
    ["basic", 320, "C4"],
    ["project", 180, "C5"],
  ]);
  expect(t.goals.map((x) => x.text)).toEqual(["1、完善基础设施建设；", "2、抓好招商引资工作。"]);
  expect(t.department!.tasks.map((k) => [k.name.value, k.content.value, k.amount.value, k.name.cell])).toEqual([
    ["招商投资促进", "组织参与招商活动", 30, "B8"],
    ["人才培训", "组织人才培训", 12.5, "B9"],
  ]);
  expect(t.department!.measures).toEqual({ value: "加强内部监督", cell: "B10" });
  expect(t.indicators.map((r) => r.value.normalized)).toEqual(["≥5次", "≥4次"]);
});

test("a flat department list without a 一级 column and an unknown goal label (当年整体绩效目标)", () => {
  const g = grid([
    ["2022年部门（单位）整体绩效目标表"],
    ["部门（单位）名称", "某街道办事处", "支出预算总量", 3724.39],
    ["当年整体绩效目标", "对辖区125公里农村公路开展养护维修"],
    ["绩效指标", "指标名称", "计量单位", "指标性质", "指标值"],
    [null, "农村公路养护里程", "公里", "=", 125],
  ]);
  const { tables, issues } = analyzeGrids([g]);
  expect(tables.map((t) => t.kind)).toEqual(["department"]);
  expect(tables[0].goal.value).toBe("对辖区125公里农村公路开展养护维修");
  expect(tables[0].department!.budget).toEqual([{ kind: "total", label: "支出预算总量", value: 3724.39, raw: "3724.39", cell: "D2" }]);
  // Neither 项目名称 nor a 一级 column is asked of a department table.
  expect(issues.filter((i) => i.rule === "required-field" || i.rule === "level1-unknown")).toEqual([]);
});

test("project tables stay project tables, with no department parts", () => {
  const { tables } = analyzeGrids([stackedSeedGrid(3)]);
  expect(tables.map((t) => [t.kind, t.department])).toEqual([
    ["project", null],
    ["project", null],
    ["project", null],
  ]);
});
