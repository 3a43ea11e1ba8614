/**
 * 部门（单位）整体支出绩效目标表: tells a department table from a project table by its labels, and
 * reads the department's own parts — the 年度预算 lines (资金总额, 基本支出 / 项目支出, 财政拨款,
 * 上年结转, 其他资金), the 年度主要任务 (or 年度履职目标) rows, the 工作保障措施 text, and the
 * 年度总体目标 when its label is one the project-table reader does not know (当年整体绩效目标).
 * The indicator grid is the project table's and is read by parse-table.
 */
import { toA1 } from "../grid/a1";
import type { CellGrid } from "../grid/cellgrid";
import type { BudgetPartKind, Department, ProjectTable, TextField } from "../model/schema";
import { convertMoney, parseMoney } from "../value/numbers";
import { labelKey } from "./labels";
import { splitGoalLines } from "./parse-table";
import type { TableLayout } from "./types";

/** How far above the detected table a department's heading rows (title, 部门, 年度) may sit. */
const HEAD_ROWS = 6;

/** A title or label that names the department's overall targets. */
const DEPT_TITLE = /(部门|单位)(\(单位\))?整体|整体(支出)?绩效|整体绩效/;
/** Labels only a department table carries. */
const DEPT_LABEL =
  /^(部门(\(单位\))?(名称|职责|职能(职责)?(概述)?|编码|预算编码)|部门|单位职责|年度履职目标|年度主要任务|主要任务|(当年|年度)?整体(绩效|支出)?目标|基本支出)$/;

const BUDGET_LABELS: [RegExp, BudgetPartKind][] = [
  [/^基本支出/, "basic"],
  [/^项目支出/, "project"],
  [/上年结转|结转(资金|结余)/, "carryover"],
  [/^(其中)?[:：]?(当年|本年)?(财政拨款|财政资金|一般公共预算)/, "fiscal"],
  [/^(其中)?[:：]?(其他资金|其他收入|其它资金|自有资金)/, "other"],
  [/^(年度)?(资金总额|预算总额|支出总额|收支总额)|预算总量$|^(预算|支出)?合计$|^总计$/, "total"],
];

const TASK_NAME = /^(任务名称|主要任务|任务|部门职能|履职内容)$/;
const TASK_CONTENT = /^(主要内容|任务内容|年度目标任务|工作内容|具体内容|主要工作内容)$/;
const TASK_AMOUNT = /^(预算金额|预算数|金额|预算资金|资金)/;
const MEASURES = /^(工作)?保障措施$/;
const GOAL = /^(当年|年度)?(整体|总体)(绩效|支出)?(绩效)?目标$/;

const bare = (t: string): string => labelKey(t).replace(/[(（][^)）]*[)）]/g, "");

/**
 * The table with its kind set, and for a department table its department parts (and its goal when
 * the project reader found none). Project tables come back with kind "project" and no parts.
 */
export function withDepartment(grid: CellGrid, layout: TableLayout, table: ProjectTable): ProjectTable {
  const header = layout.indicatorHeader.row;
  const top = headTop(grid, layout.range.top);
  const left = layout.range.left;
  const right = Math.max(layout.range.right, grid.lastCol);
  const labelAt = (r: number, c: number): string => (grid.isMergedTail(r, c) ? "" : bare(grid.text(r, c)));

  let isDept = DEPT_TITLE.test(labelKey(table.title.value ?? "")) && layout.projectName.label === null;
  for (let r = top; r < header && !isDept; r++) {
    for (let c = left; c <= right && !isDept; c++) {
      const k = labelAt(r, c);
      if (k === "" || k.length > 40) continue;
      if (DEPT_LABEL.test(k) || (r < layout.range.top && DEPT_TITLE.test(k))) isDept = layout.projectName.label === null;
    }
  }
  if (!isDept) return { ...table, kind: "project", department: null };

  /** The first non-empty, non-label cell right of a label: its value. */
  const valueRight = (r: number, c: number): { r: number; c: number } | null => {
    for (let cc = grid.spanRight(r, c) + 1; cc <= right; cc++) {
      if (grid.isMergedTail(r, cc) || grid.isEmpty(r, cc)) continue;
      return { r, c: cc };
    }
    return null;
  };
  const textAt = (p: { r: number; c: number } | null, labelCell: { r: number; c: number }): TextField => {
    if (!p) return { value: null, cell: toA1(labelCell.r, grid.spanRight(labelCell.r, labelCell.c) + 1) };
    const t = grid.text(p.r, p.c);
    return { value: t === "" ? null : t, cell: toA1(p.r, p.c) };
  };

  const department: Department = { budget: [], tasks: [], measures: { value: null, cell: null } };
  let goal: TextField | null = null;
  for (let r = top; r < header; r++) {
    for (let c = left; c <= right; c++) {
      const k = labelAt(r, c);
      if (k === "" || k.length > 24) continue;
      if (MEASURES.test(k) && department.measures.value === null) department.measures = textAt(valueRight(r, c), { r, c });
      if (GOAL.test(k) && goal === null) {
        const below = r + 1 < header && grid.isEmpty(r, grid.spanRight(r, c) + 1) ? { r: r + 1, c } : null;
        goal = textAt(valueRight(r, c) ?? (below && !grid.isEmpty(below.r, below.c) ? below : null), { r, c });
      }
      const kind = BUDGET_LABELS.find(([re]) => re.test(k))?.[1];
      if (kind && !department.budget.some((b) => b.kind === kind)) {
        const v = numberRight(grid, r, c, right);
        const amount = v ? parseMoney(grid.value(v.r, v.c)) : null;
        const value =
          amount?.amount != null && amount.unit && table.moneyUnit && amount.unit !== table.moneyUnit
            ? convertMoney(amount.amount, amount.unit, table.moneyUnit)
            : (amount?.amount ?? null);
        department.budget.push({
          kind,
          label: grid.text(r, c),
          value,
          raw: v ? grid.text(v.r, v.c) : null,
          cell: v ? toA1(v.r, v.c) : null,
        });
      }
    }
  }
  department.tasks = readTasks(grid, top, header, left, right, table);

  const needsGoal = table.goal.value === null && table.goals.length === 0 && goal?.value;
  return {
    ...table,
    kind: "department",
    department,
    ...(needsGoal && goal ? { goal, goals: splitGoalLines(goal.value!).map((text) => ({ text, cell: goal!.cell })) } : {}),
  };
}

/** The first row of the table's heading: up to HEAD_ROWS non-blank rows above its detected top. */
function headTop(grid: CellGrid, top: number): number {
  let r = top;
  while (r - 1 >= grid.firstRow && top - (r - 1) <= HEAD_ROWS && !rowBlank(grid, r - 1)) r--;
  return r;
}

function rowBlank(grid: CellGrid, r: number): boolean {
  for (let c = grid.firstCol; c <= grid.lastCol; c++) if (!grid.isEmpty(r, c)) return false;
  return true;
}

/** The first cell right of a label that holds an amount (a number, or text such as "329.77万元"). */
function numberRight(grid: CellGrid, r: number, c: number, right: number): { r: number; c: number } | null {
  for (let cc = grid.spanRight(r, c) + 1; cc <= right; cc++) {
    if (grid.isMergedTail(r, cc) || grid.isEmpty(r, cc)) continue;
    if (parseMoney(grid.value(r, cc)).amount !== null) return { r, c: cc };
    // Another label on the row (年初预算数 …) ends the search only when it is not an amount header.
    if (BUDGET_LABELS.some(([re]) => re.test(bare(grid.text(r, cc))))) return null;
  }
  return null;
}

/** 年度主要任务 rows: under a header naming the task and its amount, down to a blank or label row. */
function readTasks(grid: CellGrid, top: number, header: number, left: number, right: number, table: ProjectTable): Department["tasks"] {
  for (let r = top; r < header; r++) {
    let nameCol = -1;
    let contentCol = -1;
    let amountCol = -1;
    for (let c = left; c <= right; c++) {
      if (grid.isMergedTail(r, c)) continue;
      const k = bare(grid.text(r, c));
      if (nameCol < 0 && TASK_NAME.test(k)) nameCol = c;
      else if (contentCol < 0 && TASK_CONTENT.test(k)) contentCol = c;
      else if (amountCol < 0 && TASK_AMOUNT.test(k)) amountCol = c;
    }
    if (nameCol < 0 && contentCol < 0) continue;
    if (amountCol < 0 && (nameCol < 0 || contentCol < 0)) continue;
    const tasks: Department["tasks"] = [];
    const firstCol = Math.min(...[nameCol, contentCol].filter((c) => c >= 0));
    for (let rr = r + 1; rr < header; rr++) {
      // A label left of the task columns (工作保障措施 …) starts the next part.
      let labelled = false;
      for (let c = left; c < firstCol; c++) if (!grid.isMergedTail(rr, c) && !grid.isEmpty(rr, c)) labelled = true;
      if (labelled) break;
      const cellText = (c: number): TextField => {
        if (c < 0) return { value: null, cell: null };
        const t = grid.text(rr, c);
        return { value: t === "" ? null : t, cell: toA1(rr, c) };
      };
      const name = cellText(nameCol);
      const content = cellText(contentCol);
      if (name.value === null && content.value === null) break;
      const raw = amountCol >= 0 ? grid.text(rr, amountCol) : "";
      const money = amountCol >= 0 ? parseMoney(grid.value(rr, amountCol)) : null;
      const value =
        money?.amount != null && money.unit && table.moneyUnit && money.unit !== table.moneyUnit
          ? convertMoney(money.amount, money.unit, table.moneyUnit)
          : (money?.amount ?? null);
      tasks.push({
        row: rr,
        name: name.value !== null ? name : content,
        content: name.value !== null ? content : { value: null, cell: null },
        amount: { value, raw: raw === "" ? null : raw, cell: amountCol >= 0 ? toA1(rr, amountCol) : null },
      });
    }
    return tasks;
  }
  return [];
}
