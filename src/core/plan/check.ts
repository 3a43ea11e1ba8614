/**
 * Checks a spending plan with the engine's own plan rules (every registered rule whose id starts
 * with "plan-", run by runRules on the given table or on a synthetic one), plus the 序时进度 floor:
 * a configurable minimum per checkpoint (e.g. 50% by 6月底 for recurring operating projects,
 * "时间过半、进度过半"), reported as info.
 */
import { t, type Locale } from "../messages";
import type { Issue, NumberField, ProjectTable } from "../model/schema";
import { PLAN_KEYS, type PlanKey } from "../model/plan-keys";
import { runRules } from "../rules/engine";
import { ALL_RULES } from "../rules/registry";
import { PLAN_EPS, PLAN_LABELS } from "../rules/plan-range";
import type { Rule } from "../rules/types";

/** The time-proportional yardstick (时间进度) at each checkpoint, in percent. */
export const TIME_PROGRESS: Readonly<Record<PlanKey, number>> = Object.freeze({ m3: 25, m6: 50, m10: 83.33, m12: 100 });

/** The floor used for recurring (运转类) projects when none is given: 50% by 6月底. */
export const DEFAULT_RECURRING_FLOORS: Readonly<Partial<Record<PlanKey, number>>> = Object.freeze({ m6: 50 });

/** Id of the floor check in reported issues (not a registered engine rule). */
export const FLOOR_CHECK_ID = "plan-progress-floor";

/** The engine's plan rules, looked up in the registry (so new plan rules are picked up). */
export function planRules(): Rule[] {
  return ALL_RULES.filter((r) => r.meta.id.startsWith("plan-"));
}

/** Plan values to check: percent numbers, null = blank. */
export type PlanCellValues = Record<PlanKey, number | null>;

export interface CheckPlanOptions {
  /** Cross-year (跨年/结转): the plan may end below 100%. Default: the table's flag, else false. */
  crossYear?: boolean;
  /** A recurring operating project (运转类): the 序时进度 floor applies (default 50% by 6月底). */
  recurring?: boolean;
  /** Floor for 6月底 in percent; setting it turns the floor check on even without `recurring`. */
  floorM6?: number;
  /** Floors per checkpoint (overrides recurring / floorM6), e.g. TIME_PROGRESS for the full yardstick. */
  floors?: Partial<Record<PlanKey, number>>;
  locale?: Locale;
  /** Check the values as written into this table (issues carry its sheet and plan cells). */
  table?: ProjectTable;
  /** Index of `table` in the workbook, for Issue.table (default 0). */
  tableIndex?: number;
}

/** An issue about the plan; `key` is the checkpoint it concerns (null for the plan as a whole). */
export type PlanIssue = Issue & { key: PlanKey | null };

const SYNTHETIC_CELLS: Record<PlanKey, string> = { m3: "B1", m6: "C1", m10: "D1", m12: "E1" };

function field(value: number | null, cell: string | null): NumberField {
  return { value, raw: value === null ? null : `${value}%`, cell };
}

function syntheticTable(): ProjectTable {
  const text = { value: null, cell: null };
  const money = { value: null, raw: null, cell: null };
  return {
    sheet: "",
    kind: "project",
    department: null,
    range: "A1:E1",
    title: text,
    unitName: text,
    projectCode: text,
    projectName: text,
    moneyUnit: null,
    moneyUnitCell: null,
    budget: { total: money, fiscal: money, other: money },
    purpose: text,
    plan: null,
    crossYear: false,
    goal: text,
    goals: [],
    form: "88",
    formReason: "",
    indicatorHeader: { row: 0, columns: [] },
    indicators: [],
  };
}

export function checkPlan(values: PlanCellValues, opts: CheckPlanOptions = {}): PlanIssue[] {
  const base = opts.table ?? syntheticTable();
  const synthetic = opts.table === undefined;
  const cellOf = (k: PlanKey): string | null => (synthetic ? SYNTHETIC_CELLS[k] : (base.plan?.[k].cell ?? null));
  for (const k of PLAN_KEYS) {
    const v = values[k];
    if (v !== null && !Number.isFinite(v)) throw new RangeError(`plan value ${k} is not finite`);
  }
  const crossYear = opts.crossYear ?? (synthetic ? false : base.crossYear);
  const plan = {
    m3: field(values.m3, cellOf("m3")),
    m6: field(values.m6, cellOf("m6")),
    m10: field(values.m10, cellOf("m10")),
    m12: field(values.m12, cellOf("m12")),
  };
  const table: ProjectTable = { ...base, plan, crossYear };
  const locale = opts.locale ?? "zh-CN";
  const tableIndex = opts.tableIndex ?? 0;
  const keyOf = (cell: string | null): PlanKey | null => PLAN_KEYS.find((k) => cell !== null && plan[k].cell === cell) ?? null;

  const issues: PlanIssue[] = runRules([table], { rules: planRules(), locale }).map((i) => {
    const key = keyOf(i.cell);
    return { ...i, table: tableIndex, cell: synthetic ? null : i.cell, key };
  });

  const floors = opts.floors ?? (opts.floorM6 !== undefined ? { m6: opts.floorM6 } : opts.recurring ? DEFAULT_RECURRING_FLOORS : {});
  for (const k of PLAN_KEYS) {
    const floor = floors[k];
    if (floor === undefined) continue;
    const v = values[k] ?? 0;
    if (v < floor - PLAN_EPS) {
      const data = { label: PLAN_LABELS[k], value: `${v}%`, floor: `${floor}%` };
      issues.push({
        rule: FLOOR_CHECK_ID,
        severity: "info",
        messageId: "belowFloor",
        message: t(locale, "cli.plan.check.belowFloor", data),
        sheet: table.sheet,
        cell: synthetic ? null : plan[k].cell,
        table: tableIndex,
        data,
        key: k,
      });
    }
  }
  return issues;
}

/** The values a table's plan holds now (null = blank or unreadable). */
export function tablePlanValues(table: ProjectTable): PlanCellValues | null {
  if (!table.plan) return null;
  const p = table.plan;
  return { m3: p.m3.value, m6: p.m6.value, m10: p.m10.value, m12: p.m12.value };
}
