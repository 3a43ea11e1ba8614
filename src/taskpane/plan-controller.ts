/**
 * The pane's 支出计划 (spending plan) logic without React: the form's state → PlanParams, and the
 * preview of a plan for one table (values, money, 12-month series, checks, and which cells a write
 * would change). PaneController.previewPlan / writePlan call these with the table's cached model
 * and grid; everything here is pure.
 */
import type { CellGrid, CellValue } from "../core/grid/cellgrid";
import type { Locale } from "../core/messages";
import { t } from "../core/messages";
import type { MoneyUnit, ProjectTable } from "../core/model/schema";
import {
  checkPlan,
  computePlanForTable,
  PlanError,
  planErrorText,
  planWrite,
  profileFromParams,
  tablePlanValues,
  type PlanCellValues,
  type PlanCellWrite,
  type PlanDecimals,
  type PlanIssue,
  type PlanParams,
  type PlanResult,
  type ProfileKind,
} from "../core/plan";

// ── the form ──────────────────────────────────────────────────────────────────────────────────

/** How milestone values are meant: shares in percent, or amounts in 元 / 万元. */
export type MilestoneMode = "%" | "元" | "万元";

export interface MilestoneRow {
  /** "2024-03", "2024年3月", "3" … (a month alone belongs to the budget year). */
  date: string;
  value: string;
}

/** What the user typed in the 支出计划 tab. */
export interface PlanForm {
  profile: ProfileKind;
  start: string;
  end: string;
  milestones: MilestoneRow[];
  milestoneMode: MilestoneMode;
  /** Budget year of the milestones (blank = the earliest year written on a milestone). */
  year: string;
  /** Twelve monthly amounts, January first (blank = 0). */
  monthly: string[];
  /** Payment month of `once`. */
  month: string;
  /** 跨年（结转）: the plan may end below 100%. */
  crossYear: boolean;
  /** 经常性运转类项目: the 序时进度 floor (6月底 ≥ 50%) is checked. */
  recurring: boolean;
  decimals: PlanDecimals;
}

export function defaultPlanForm(crossYear = false): PlanForm {
  return {
    profile: "even",
    start: "1",
    end: "12",
    milestones: [
      { date: "", value: "" },
      { date: "", value: "" },
    ],
    milestoneMode: "%",
    year: "",
    monthly: Array.from({ length: 12 }, () => ""),
    month: "12",
    crossYear,
    recurring: false,
    decimals: 0,
  };
}

/** The form as the core's typed parameters (only the chosen profile's fields are filled). */
export function planParamsFromForm(f: PlanForm): PlanParams {
  switch (f.profile) {
    case "even":
    case "front":
    case "back":
      return { profile: f.profile, start: f.start, end: f.end };
    case "once":
      return { profile: f.profile, month: f.month };
    case "monthly":
      return { profile: f.profile, monthly: f.monthly.map((v) => (v.trim() === "" ? "0" : v.trim())).join(",") };
    case "milestones": {
      const suffix = f.milestoneMode === "%" ? "" : f.milestoneMode;
      const items = f.milestones
        .filter((m) => m.date.trim() !== "" || m.value.trim() !== "")
        .map((m) => `${m.date.trim()}:${m.value.trim().replace(/\s*(%|百分比|万元|万|元)$/, "")}${suffix}`);
      return { profile: f.profile, milestones: items.join(","), year: f.year };
    }
  }
}

// ── the preview ───────────────────────────────────────────────────────────────────────────────

export interface PlanInput {
  params: PlanParams;
  /** 跨年（结转）: the plan may end below 100%. */
  crossYear: boolean;
  /** Check the 序时进度 floor (6月底 ≥ 50%, or `floorM6`). */
  recurring?: boolean;
  floorM6?: number;
  decimals?: PlanDecimals;
}

export type PlanPreview =
  | {
      ok: true;
      tableId: string;
      result: PlanResult;
      /** checkPlan on the table with the new values (engine plan rules + 序时进度 floor). */
      issues: PlanIssue[];
      /** What the table's plan says now (null = no plan cells). */
      current: PlanCellValues | null;
      /** The cells a write would change (null when the table has no plan cells: see writeError). */
      cells: PlanCellWrite[] | null;
      writeError: PlanError | null;
      unit: MoneyUnit;
      budget: number | null;
    }
  | { ok: false; tableId: string; error: PlanError };

/** Does writing `after` into a cell holding `before` change what the cell holds? */
export function sameContent(before: CellValue, after: string | number): boolean {
  return before === after;
}

/** The cells of a write that really change something. */
export function changingCells(cells: readonly PlanCellWrite[]): PlanCellWrite[] {
  return cells.filter((c) => !sameContent(c.before, c.after));
}

/** The cells whose non-empty content a write would replace (the pane asks before writing). */
export function overwrittenCells(cells: readonly PlanCellWrite[]): PlanCellWrite[] {
  return cells.filter((c) => c.overwrite && !sameContent(c.before, c.after));
}

/** Computes the preview of a plan for a parsed table (and its grid, for the write's cells). */
export function planPreview(tableId: string, table: ProjectTable, grid: CellGrid | null, input: PlanInput, locale: Locale, tableIndex = 0): PlanPreview {
  let result: PlanResult;
  try {
    const profile = profileFromParams(input.params);
    result = computePlanForTable(table, profile, { crossYear: input.crossYear, decimals: input.decimals ?? 0 });
  } catch (e) {
    if (e instanceof PlanError) return { ok: false, tableId, error: e };
    throw e;
  }
  const issues = checkPlan(result.values, {
    table,
    tableIndex,
    crossYear: input.crossYear,
    recurring: input.recurring,
    floorM6: input.floorM6,
    locale,
  });
  let cells: PlanCellWrite[] | null = null;
  let writeError: PlanError | null = null;
  if (grid) {
    try {
      cells = planWrite(table, grid, result.values).cells;
    } catch (e) {
      if (!(e instanceof PlanError)) throw e;
      writeError = e;
    }
  } else if (!table.plan) writeError = new PlanError("noPlan");
  const b = table.budget.total.value;
  return {
    ok: true,
    tableId,
    result,
    issues,
    current: tablePlanValues(table),
    cells,
    writeError,
    unit: table.moneyUnit ?? "元",
    budget: b !== null && Number.isFinite(b) && b > 0 ? b : null,
  };
}

/**
 * Pane texts of plan errors: a few catalog texts name CLI options (--cross-year …); the pane has its
 * own wording for those under ui.pane.plan.errors, the rest come from cli.plan.errors.
 */
const PANE_ERROR_KEYS = new Set(["profileMissing", "milestonesMissing", "monthlyMissing", "monthMissing", "crossYearNotAllowed"]);

export function planErrorMessage(locale: Locale, e: PlanError): string {
  return PANE_ERROR_KEYS.has(e.key) ? t(locale, `ui.pane.plan.errors.${e.key}`, e.data) : planErrorText(locale, e);
}

