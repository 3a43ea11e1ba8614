/**
 * Writing a plan into the seed's layouts: text "50%" (seed.xlsx), typed 0.5 with format "0%"
 * (seed-typed.xlsx), the merged spacer column between 3月底 and 6月底 (B:C merged in both), and the
 * odd layouts of layouts.xlsx. Exactly the four plan cells change, the table reads back the new plan,
 * the plan rules stay quiet, and the inverse restores the grid.
 */
import { CellGrid, type CellValue } from "../../src/core/grid/cellgrid";
import { readTables } from "../../src/core/analyze";
import { parseA1 } from "../../src/core/grid/a1";
import { PLAN_KEYS, type ProjectTable } from "../../src/core/model/schema";
import { runRules } from "../../src/core/rules/engine";
import { checkPlan, computePlan, inverseEdits, planEdits, planWrite, PlanError, planRules, tablePlanValues, type PlanValues } from "../../src/core/plan";
import { applyEdits, changedCells, loadFixture, type SheetTables } from "./helpers";

const ALL_DIFFERENT: PlanValues = { m3: 11, m6: 22, m10: 33, m12: 44 };

let seed: SheetTables[];
let typed: SheetTables[];
let layouts: SheetTables[];
beforeAll(async () => {
  seed = await loadFixture("seed.xlsx");
  typed = await loadFixture("seed-typed.xlsx");
  layouts = await loadFixture("layouts.xlsx");
}, 60000);

/** The table's plan cells as A1 addresses. */
const cellsOf = (t: ProjectTable) => PLAN_KEYS.map((k) => t.plan![k].cell!);

/** Every (grid, table index) with a plan in a fixture. */
function planTables(fixture: SheetTables[]): { grid: CellGrid; index: number; table: ProjectTable }[] {
  return fixture.flatMap(({ grid, tables }) => tables.map((table, index) => ({ grid, index, table })).filter((x) => x.table.plan !== null));
}

/** Writes `values`, re-detects the tables and returns the table at the same index plus the new grid. */
function writeAndReread(grid: CellGrid, index: number, table: ProjectTable, values: PlanValues) {
  const w = planWrite(table, grid, values);
  const after = applyEdits(grid, w.edits);
  const reread = readTables(after);
  return { w, after, table: reread[index], tables: reread };
}

describe("planWrite on the seed (text \"50%\" cells, merged spacer B:C)", () => {
  test("the 基础设施 table: layout as the seed has it", () => {
    const infra = seed[0].tables[2];
    expect(infra.projectName.value).toBe("工业新区基础设施建设项目资金");
    expect(cellsOf(infra)).toEqual(["B49", "D49", "E49", "F49"]);
    expect(seed[0].grid.mergeAt(48, 1)).toEqual({ top: 48, left: 1, bottom: 48, right: 2 });
    expect(tablePlanValues(infra)).toEqual({ m3: null, m6: 50, m10: 90, m12: 100 });
  });

  test("even 1–12 into 基础设施: text cells stay text, the blank 3月底 gets text \"25%\"", () => {
    const { grid } = seed[0];
    const infra = seed[0].tables[2];
    const plan = computePlan({ kind: "even", start: 1, end: 12 });
    const w = planWrite(infra, grid, plan.values);
    expect(w.edits).toEqual([
      { sheet: infra.sheet, cell: "B49", value: "25%" },
      { sheet: infra.sheet, cell: "D49", value: "50%" },
      { sheet: infra.sheet, cell: "E49", value: "83%" },
      { sheet: infra.sheet, cell: "F49", value: "100%" },
    ]);
    expect(w.cells.map((c) => [c.kind, c.overwrite, c.changed])).toEqual([
      ["text", false, true],
      ["text", true, false],
      ["text", true, true],
      ["text", true, false],
    ]);
    expect(w.inverse).toEqual([
      { sheet: infra.sheet, cell: "B49", value: null },
      { sheet: infra.sheet, cell: "D49", value: "50%" },
      { sheet: infra.sheet, cell: "E49", value: "90%" },
      { sheet: infra.sheet, cell: "F49", value: "100%" },
    ]);
  });
});

describe("planWrite on seed-typed (0.5 with format \"0%\")", () => {
  test("typed percent cells get fractions; the blank unformatted 3月底 follows them (fraction + format)", () => {
    const sheet = typed.find((s) => s.grid.sheet === "项目3")!;
    const table = sheet.tables[0];
    expect(cellsOf(table)).toEqual(["B7", "D7", "E7", "F7"]);
    expect([sheet.grid.value(6, 3), sheet.grid.format(6, 3)]).toEqual([0.5, "0%"]);
    const w = planWrite(table, sheet.grid, computePlan({ kind: "front", start: 1, end: 12, }, { decimals: 1 }).values);
    expect(w.edits.map((e) => e.value)).toEqual([0.423, 0.731, 0.962, 1]);
    expect(w.cells.map((c) => c.kind)).toEqual(["fraction", "fraction", "fraction", "fraction"]);
    expect(w.cells.map((c) => c.numberFormat ?? null)).toEqual(["0%", null, null, null]);
    expect(w.inverse.map((e) => e.value)).toEqual([null, 0.5, 0.9, 1]);
  });

  test("项目1 (1 in a \"0%\" cell, merged B7:C7) gets a fraction in the merged anchor", () => {
    const sheet = typed.find((s) => s.grid.sheet === "项目1")!;
    const w = planWrite(sheet.tables[0], sheet.grid, ALL_DIFFERENT);
    expect(w.edits.map((e) => [e.cell, e.value])).toEqual([["B7", 0.11], ["D7", 0.22], ["E7", 0.33], ["F7", 0.44]]);
  });
});

describe("every fixture layout: exactly the four cells change, the table reads the plan back, undo restores", () => {
  const cases: [string, () => SheetTables[]][] = [
    ["seed.xlsx", () => seed],
    ["seed-typed.xlsx", () => typed],
    ["layouts.xlsx", () => layouts],
  ];
  test.each(cases)("%s", (_name, get) => {
    const found = planTables(get());
    expect(found.length).toBeGreaterThan(0);
    for (const { grid, index, table } of found) {
      for (const values of [ALL_DIFFERENT, computePlan({ kind: "back", start: 2, end: 11 }, { decimals: 1 }).values, computePlan({ kind: "once", month: 6 }).values]) {
        const { w, after, table: back } = writeAndReread(grid, index, table, values);
        // only plan cells are edited, and every changed cell is one of them
        expect(w.edits.map((e) => e.cell)).toEqual(cellsOf(table));
        const changed = changedCells(grid, after);
        for (const c of changed) expect(cellsOf(table)).toContain(c);
        if (values === ALL_DIFFERENT) expect(changed.sort()).toEqual([...cellsOf(table)].sort());
        // formats and merges untouched
        expect(after.merges).toEqual(grid.merges);
        for (const c of cellsOf(table)) {
          const { row, col } = parseA1(c)!;
          expect(after.format(row, col)).toBe(grid.format(row, col));
        }
        // the table reads back exactly the written plan, and nothing else of it moved
        expect(tablePlanValues(back)).toEqual(values);
        expect({ ...back, plan: null }).toEqual({ ...table, plan: null });
        // undo
        const undone = applyEdits(after, w.inverse);
        expect(changedCells(grid, undone)).toEqual([]);
        expect(readTables(undone)[index]).toEqual(table);
      }
    }
  });
});

describe("after writing a computed plan the plan rules stay quiet", () => {
  test.each<[string, Parameters<typeof computePlan>[0]]>([
    ["even", { kind: "even", start: 1, end: 12 }],
    ["front", { kind: "front", start: 3, end: 12 }],
    ["back", { kind: "back", start: 1, end: 10 }],
    ["monthly", { kind: "monthly", amounts: [0, 0, 5, 5, 10, 10, 10, 10, 10, 10, 15, 15] }],
    ["milestones", { kind: "milestones", milestones: [{ year: 2022, month: 3, value: 30, unit: "%" }, { year: 2022, month: 9, value: 60, unit: "%" }, { year: 2022, month: 12, value: 10, unit: "%" }] }],
    ["once", { kind: "once", month: 11 }],
  ])("%s into every seed table (text and typed)", (_n, profile) => {
    const plan = computePlan(profile, { decimals: 1 });
    for (const { grid, index, table } of [...planTables(seed), ...planTables(typed)]) {
      const { table: back } = writeAndReread(grid, index, table, plan.values);
      const issues = runRules([back], { rules: planRules() });
      expect(issues.map((i) => `${i.rule}@${i.cell}`)).toEqual([]);
      expect(checkPlan(tablePlanValues(back) as PlanValues, { table: back })).toEqual([]);
    }
  });
});

describe("cell kinds on hand-made grids", () => {
  /** The 项目3 sheet of seed-typed with its plan row replaced by `row` (B7, D7, E7, F7) and formats. */
  function variant(row: [CellValue, CellValue, CellValue, CellValue], formats: [string | null, string | null, string | null, string | null]) {
    const base = typed.find((s) => s.grid.sheet === "项目3")!.grid.toData();
    const values = base.values.map((r) => [...r]);
    const fmts = (base.formats ?? []).map((r) => [...r]);
    [1, 3, 4, 5].forEach((c, i) => {
      values[6 - base.originRow][c - base.originCol] = row[i];
      while (fmts.length <= 6) fmts.push([]);
      fmts[6 - base.originRow][c - base.originCol] = formats[i];
    });
    const grid = new CellGrid({ ...base, values, formats: fmts });
    const [table] = readTables(grid);
    return { grid, table };
  }

  test.each<[string, [CellValue, CellValue, CellValue, CellValue], [string | null, string | null, string | null, string | null], (string | number)[], string[]]>([
    ["bare fractions (1 = 100%, no format)", [0, 0.5, 0.9, 1], [null, null, null, null], [0.25, 0.5, 0.83, 1], ["fraction", "fraction", "fraction", "fraction"]],
    ["bare percent numbers (50)", [0, 50, 90, 100], [null, null, null, null], [25, 50, 83, 100], ["number", "number", "number", "number"]],
    ["text without %", ["0", "50", "90", "100"], [null, null, null, null], ["25", "50", "83", "100"], ["text", "text", "text", "text"]],
    ["text 百分比", ["0百分比", "50百分比", "90百分比", "100百分比"], [null, null, null, null], ["25%", "50%", "83%", "100%"], ["text", "text", "text", "text"]],
    ["blank cells with a percent format", [null, null, null, null], ["0%", "0%", "0.0%", "0%"], [0.25, 0.5, 0.83, 1], ["fraction", "fraction", "fraction", "fraction"]],
    ["blank cells without a format", [null, null, null, null], [null, null, null, null], ["25%", "50%", "83%", "100%"], ["text", "text", "text", "text"]],
    ["mixed", ["10%", 0.5, null, 100], [null, "0%", "0%", null], ["25%", 0.5, 0.83, 100], ["text", "fraction", "fraction", "number"]],
  ])("%s", (_n, row, formats, want, kinds) => {
    const { grid, table } = variant(row, formats);
    const values = computePlan({ kind: "even", start: 1, end: 12 }).values;
    const w = planWrite(table, grid, values);
    expect(w.edits.map((e) => e.value)).toEqual(want);
    expect(w.cells.map((c) => c.kind)).toEqual(kinds);
    const after = readTables(applyEdits(grid, w.edits))[0];
    expect(tablePlanValues(after)).toEqual(values);
  });

  test("bare percent numbers that would all read as fractions are written as text", () => {
    const { grid, table } = variant([0, 50, 90, 100], [null, null, null, null]);
    const small = { m3: 0, m6: 0.5, m10: 1, m12: 1 };
    const w = planWrite(table, grid, small);
    expect(w.edits.map((e) => e.value)).toEqual(["0%", "0.5%", "1%", "1%"]);
    expect(tablePlanValues(readTables(applyEdits(grid, w.edits))[0])).toEqual(small);
  });
});

describe("errors", () => {
  test("a table without a plan, a missing cell, another sheet, a bad value", () => {
    const noPlan = layouts.flatMap((s) => s.tables).find((t) => t.plan === null)!;
    const grid = layouts.find((s) => s.grid.sheet === noPlan.sheet)!.grid;
    expect(() => planEdits(noPlan, grid, ALL_DIFFERENT)).toThrow(expect.objectContaining({ key: "noPlan" }));
    const infra = seed[0].tables[2];
    const holed: ProjectTable = { ...infra, plan: { ...infra.plan!, m10: { value: null, raw: null, cell: null } } };
    expect(() => planEdits(holed, seed[0].grid, ALL_DIFFERENT)).toThrow(expect.objectContaining({ key: "planCellMissing", data: { label: "10月底" } }));
    expect(() => planEdits(infra, typed[0].grid, ALL_DIFFERENT)).toThrow(/sheet/);
    expect(() => planEdits(infra, seed[0].grid, { ...ALL_DIFFERENT, m6: NaN })).toThrow(PlanError);
  });

  test("inverseEdits reads the current values of any edited cells", () => {
    const { grid } = seed[0];
    expect(inverseEdits(grid, [{ sheet: grid.sheet, cell: "F49", value: "1%" }, { sheet: grid.sheet, cell: "C49", value: 1 }])).toEqual([
      { sheet: grid.sheet, cell: "F49", value: "100%" },
      { sheet: grid.sheet, cell: "C49", value: null },
    ]);
  });
});
